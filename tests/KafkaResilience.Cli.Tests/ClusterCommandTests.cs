using System.Net;
using System.Net.Sockets;
using KafkaResilience.Cli.Tests.Support;

namespace KafkaResilience.Cli.Tests;

/// <summary>
/// <c>kafka-resilience cluster</c> run as a process, as the shipped native executable and through dotnet: Ctrl-C
/// tears it down, a failure to start answers in one line.
/// </summary>
public sealed class ClusterCommandTests
{
    public static TheoryData<string> Forms => CommandLineForm.Names;

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Ctrl_C_tears_the_cluster_down_and_leaves_no_process_port_or_temp_file(string form)
    {
        // Given: a standalone cluster with a topic, brokers behind fault proxies
        using var cluster = CommandLineForm.Of(form).Start("cluster", "--topic", "q_1:3:3");
        await cluster.WaitForLineAsync(l => l.StartsWith("ready;", StringComparison.Ordinal), TimeSpan.FromSeconds(120), "the ready line");
        var running = Leftovers.Of(cluster);
        running.Ports.Should().HaveCountGreaterThanOrEqualTo(7, "3 brokers, 3 fault proxies and the Toxiproxy API listen");

        // When
        cluster.Interrupt();
        var exit = await cluster.WaitForExitAsync(TimeSpan.FromSeconds(60));

        // Then
        exit.Should().Be(0, cluster.Output);
        cluster.Output.Should().Contain("stopped");
        StackTraces.In(cluster.Output).Should().BeFalse(cluster.Output);
        await running.ShouldBeGoneAsync(cluster, TimeSpan.FromSeconds(10));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task A_port_already_taken_fails_naming_the_address_without_a_stack_trace(string form)
    {
        // Given: the port asked for is taken
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        // When
        using var cluster = CommandLineForm.Of(form).Start("cluster", "--toxiproxy-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var exit = await cluster.WaitForExitAsync(TimeSpan.FromSeconds(90));

        // Then
        exit.Should().Be(1, cluster.Output);
        cluster.Output.Should().Contain($"127.0.0.1:{port}").And.Contain("address already in use");
        StackTraces.In(cluster.Output).Should().BeFalse(cluster.Output);
        cluster.LeftInTempFolder().Should().BeEmpty();
    }
}
