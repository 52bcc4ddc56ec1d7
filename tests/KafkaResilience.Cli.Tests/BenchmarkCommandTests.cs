using System.Text.RegularExpressions;
using KafkaResilience.Cli.Tests.Support;

namespace KafkaResilience.Cli.Tests;

/// <summary><c>kafka-resilience benchmark</c> run as a process: failures answer in one line, Ctrl-C leaves nothing behind.</summary>
public sealed partial class BenchmarkCommandTests
{
    [Fact]
    public async Task An_unreachable_bootstrap_fails_within_seconds_naming_the_address_without_a_stack_trace()
    {
        // When
        using var benchmark = ChildProcess.Start(BuiltPrograms.Dotnet, [BuiltPrograms.CommandLine, "benchmark", "--bootstrap", "127.0.0.1:1"]);
        var exit = await benchmark.WaitForExitAsync(TimeSpan.FromSeconds(90));

        // Then
        exit.Should().Be(1, benchmark.Output);
        benchmark.Output.Should().Contain("kafka-resilience benchmark: no Kafka broker answered at 127.0.0.1:1 within 5 s");
        StackTraces.In(benchmark.Output).Should().BeFalse(benchmark.Output);
        benchmark.Output.Should().NotContain("sent 0", "it fails before any workload starts");
        benchmark.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "the probe gives up after 5 s; the rest is the start of a process on a loaded machine");
        benchmark.LeftInTempFolder().Should().BeEmpty();
    }

    [Theory]
    [InlineData("benchmark --messages ten", 2, "kafka-resilience benchmark: --messages must be an integer >= 1 (got 'ten').")]
    [InlineData("benchmark --size 3000000000", 2, "kafka-resilience benchmark: --size must be a whole number from 24 to 2147483647 (got '3000000000').")]
    [InlineData("benchmark --ledger maybe", 2, "kafka-resilience benchmark: --ledger must be 'on' or 'off' (got 'maybe').")]
    [InlineData("benchmark --fast", 2, "kafka-resilience benchmark: Unknown option '--fast'. Allowed: --messages,")]
    [InlineData("benchmark --messages", 2, "kafka-resilience benchmark: --messages needs a value.")]
    [InlineData("benchmark --until-idle", 2, "kafka-resilience benchmark: --until-idle goes with --consume-only.")]
    [InlineData("cluster --brokers 105,x", 2, "kafka-resilience cluster: --brokers 'x' is not an integer. Allowed: comma-separated non-negative integers")]
    [InlineData("cluster --detection-delay soon", 2, "kafka-resilience cluster: --detection-delay 'soon' is not a duration. Allowed: a non-negative number with unit ms, s or m")]
    [InlineData("cluster --toxiproxy-port 99999", 2, "kafka-resilience cluster: invalid cluster settings: ToxiproxyApiPort must be 0 (any free port) or 1-65535 (got 99999).")]
    [InlineData("nonsense", 2, "kafka-resilience: unknown command 'nonsense'. Allowed: cluster, benchmark.")]
    public async Task A_bad_option_names_the_option_and_what_it_allows(string commandLine, int expectedExit, string expectedMessage)
    {
        using var command = ChildProcess.Start(BuiltPrograms.Dotnet, [BuiltPrograms.CommandLine, .. commandLine.Split(' ')]);

        var exit = await command.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exit.Should().Be(expectedExit, command.Output);
        command.Output.Should().Contain(expectedMessage);
        StackTraces.In(command.Output).Should().BeFalse(command.Output);
    }

    [Fact]
    public async Task Ctrl_C_while_sending_stops_the_benchmark_and_leaves_no_process_port_or_temp_file()
    {
        // Given: a benchmark that would run for an hour, sending on its own embedded cluster
        using var benchmark = ChildProcess.Start(BuiltPrograms.Dotnet,
            [BuiltPrograms.CommandLine, "benchmark", "--messages", "100000000", "--rate", "20000", "--progress", "0.5"]);
        await benchmark.WaitForLineAsync(l => SentSome().IsMatch(l), TimeSpan.FromSeconds(120), "a progress line with messages sent");
        var running = Leftovers.Of(benchmark);
        running.Ports.Should().NotBeEmpty("its embedded cluster listens while it runs");

        // When
        benchmark.Interrupt();
        var exit = await benchmark.WaitForExitAsync(TimeSpan.FromSeconds(60));

        // Then
        exit.Should().Be(130, benchmark.Output);
        benchmark.Output.Should().Contain("kafka-resilience benchmark: interrupted.");
        StackTraces.In(benchmark.Output).Should().BeFalse(benchmark.Output);
        await running.ShouldBeGoneAsync(benchmark, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Consume_only_reads_what_the_topic_holds_and_stops_at_its_end_as_kcat_does()
    {
        // Given: a standalone cluster whose topic holds 30,000 records written by a produce-only benchmark
        using var cluster = ChildProcess.Start(BuiltPrograms.Dotnet, [BuiltPrograms.CommandLine, "cluster", "--topic", "held:3:1", "--no-fault-proxy"]);
        await cluster.WaitForLineAsync(l => l.StartsWith("ready;", StringComparison.Ordinal), TimeSpan.FromSeconds(120), "the ready line");
        var bootstrap = cluster.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("bootstrap.servers=", StringComparison.Ordinal))["bootstrap.servers=".Length..];
        using (var writer = ChildProcess.Start(BuiltPrograms.Dotnet,
            [BuiltPrograms.CommandLine, "benchmark", "--bootstrap", bootstrap, "--topic", "held", "--messages", "30000", "--consumers", "0"]))
        {
            (await writer.WaitForExitAsync(TimeSpan.FromSeconds(120))).Should().Be(0, writer.Output);
            writer.Output.Should().Contain("producer: 30000 acknowledged, 0 failed, 0 unknown");
        }

        // When: two readers split the partitions and read to the end
        using var reader = ChildProcess.Start(BuiltPrograms.Dotnet,
            [BuiltPrograms.CommandLine, "benchmark", "--bootstrap", bootstrap, "--topic", "held", "--consume-only", "--consumers", "2"]);
        var exit = await reader.WaitForExitAsync(TimeSpan.FromSeconds(120));

        // Then: every record once, and it stopped by itself (no idle wait, no interrupt)
        exit.Should().Be(0, reader.Output);
        reader.Output.Should().Contain("consume-only: 30000 records read, to the end offsets found at the start");
        reader.Output.Should().NotContain("idle");
        StackTraces.In(reader.Output).Should().BeFalse(reader.Output);
        cluster.Interrupt();
        (await cluster.WaitForExitAsync(TimeSpan.FromSeconds(60))).Should().Be(0, cluster.Output);
    }

    [GeneratedRegex(@"\] sent [1-9]")]
    private static partial Regex SentSome();
}
