using System.Text.RegularExpressions;
using KafkaResilience.Cli.Tests.Support;

namespace KafkaResilience.Cli.Tests;

/// <summary>
/// <c>kafka-resilience benchmark</c> run as a process, as the shipped native executable and through dotnet: failures
/// answer in one line, Ctrl-C leaves nothing behind.
/// </summary>
public sealed partial class BenchmarkCommandTests
{
    [Theory]
    [MemberData(nameof(Forms))]
    public async Task An_unreachable_bootstrap_fails_within_seconds_naming_the_address_without_a_stack_trace(string form)
    {
        // When
        using var benchmark = CommandLineForm.Of(form).Start("benchmark", "--bootstrap", "127.0.0.1:1");
        var exit = await benchmark.WaitForExitAsync(TimeSpan.FromSeconds(90));

        // Then
        exit.Should().Be(1, benchmark.Output);
        benchmark.Output.Should().Contain("kafka-resilience benchmark: no Kafka broker answered at 127.0.0.1:1 within 5 s");
        StackTraces.In(benchmark.Output).Should().BeFalse(benchmark.Output);
        benchmark.Output.Should().NotContain("sent 0", "it fails before any workload starts");
        benchmark.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "the probe gives up after 5 s; the rest is the start of a process on a loaded machine");
        benchmark.LeftInTempFolder().Should().BeEmpty();
    }

    /// <summary>Each bad command line, its exit code and the one line it must answer with, in both forms.</summary>
    public static TheoryData<string, string, int, string> BadOptions()
    {
        (string CommandLine, int Exit, string Message)[] cases =
        [
            ("benchmark --messages ten", 2, "kafka-resilience benchmark: --messages must be an integer >= 1 (got 'ten')."),
            ("benchmark --size 3000000000", 2, "kafka-resilience benchmark: --size must be a whole number from 24 to 2147483647 (got '3000000000')."),
            ("benchmark --ledger maybe", 2, "kafka-resilience benchmark: --ledger must be 'on' or 'off' (got 'maybe')."),
            ("benchmark --fast", 2, "kafka-resilience benchmark: Unknown option '--fast'. Allowed: --messages,"),
            ("benchmark --messages", 2, "kafka-resilience benchmark: --messages needs a value."),
            ("benchmark --until-idle", 2, "kafka-resilience benchmark: --until-idle goes with --consume-only."),
            ("cluster --brokers 105,x", 2, "kafka-resilience cluster: --brokers 'x' is not an integer. Allowed: comma-separated non-negative integers"),
            ("cluster --detection-delay soon", 2, "kafka-resilience cluster: --detection-delay 'soon' is not a duration. Allowed: a non-negative number with unit ms, s or m"),
            ("cluster --toxiproxy-port 99999", 2, "kafka-resilience cluster: invalid cluster settings: ToxiproxyApiPort must be 0 (any free port) or 1-65535 (got 99999)."),
            ("nonsense", 2, "kafka-resilience: unknown command 'nonsense'. Allowed: cluster, benchmark."),
        ];
        var data = new TheoryData<string, string, int, string>();
        foreach (var form in CommandLineForm.All)
            foreach (var (commandLine, exit, message) in cases) data.Add(form, commandLine, exit, message);
        return data;
    }

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task A_bad_option_names_the_option_and_what_it_allows(string form, string commandLine, int expectedExit, string expectedMessage)
    {
        using var command = CommandLineForm.Of(form).Start(commandLine.Split(' '));

        var exit = await command.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exit.Should().Be(expectedExit, command.Output);
        command.Output.Should().Contain(expectedMessage);
        StackTraces.In(command.Output).Should().BeFalse(command.Output);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Ctrl_C_while_sending_stops_the_benchmark_and_leaves_no_process_port_or_temp_file(string form)
    {
        // Given: a benchmark that would run for an hour, sending on its own embedded cluster
        using var benchmark = CommandLineForm.Of(form).Start("benchmark", "--messages", "100000000", "--rate", "20000", "--progress", "0.5");
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

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Consume_only_reads_what_the_topic_holds_and_stops_at_its_end_as_kcat_does(string form)
    {
        // Given: a standalone cluster whose topic holds 30,000 records written by a produce-only benchmark
        var cli = CommandLineForm.Of(form);
        using var cluster = cli.Start("cluster", "--topic", "held:3:1", "--no-fault-proxy");
        await cluster.WaitForLineAsync(l => l.StartsWith("ready;", StringComparison.Ordinal), TimeSpan.FromSeconds(120), "the ready line");
        var bootstrap = cluster.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("bootstrap.servers=", StringComparison.Ordinal))["bootstrap.servers=".Length..];
        using (var writer = cli.Start("benchmark", "--bootstrap", bootstrap, "--topic", "held", "--messages", "30000", "--consumers", "0"))
        {
            (await writer.WaitForExitAsync(TimeSpan.FromSeconds(120))).Should().Be(0, writer.Output);
            writer.Output.Should().Contain("producer: 30000 acknowledged, 0 failed, 0 unknown");
            writer.Output.Should().Contain("acknowledged: Valid - 30,000 of 30,000 acknowledged", "the ledger judges what the acknowledgements prove");
        }

        // When: two readers split the partitions and read to the end
        using var reader = cli.Start("benchmark", "--bootstrap", bootstrap, "--topic", "held", "--consume-only", "--consumers", "2");
        var exit = await reader.WaitForExitAsync(TimeSpan.FromSeconds(120));

        // Then: every record once, and it stopped by itself (no idle wait, no interrupt)
        exit.Should().Be(0, reader.Output);
        reader.Output.Should().Contain("consume-only: 30000 records read, to the end offsets found at the start");
        reader.Output.Should().NotContain("idle");
        reader.Output.Should().Contain("duplicates: Valid - 0 written twice, 0 delivered twice, of 30000 read")
            .And.Contain("order: Valid - order kept within every partition (30000 read)");
        StackTraces.In(reader.Output).Should().BeFalse(reader.Output);
        cluster.Interrupt();
        (await cluster.WaitForExitAsync(TimeSpan.FromSeconds(60))).Should().Be(0, cluster.Output);
    }

    public static TheoryData<string> Forms => CommandLineForm.Names;

    [GeneratedRegex(@"\] sent [1-9]")]
    private static partial Regex SentSome();
}
