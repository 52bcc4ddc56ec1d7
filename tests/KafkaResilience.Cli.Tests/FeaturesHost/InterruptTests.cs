using KafkaResilience.Cli.Tests.Support;

namespace KafkaResilience.Cli.Tests.FeaturesHost;

/// <summary>Ctrl-C in the middle of a scenario: the run stops, its cluster is torn down, nothing is left behind.</summary>
public sealed class InterruptTests
{
    private const string Feature = "Broker 106 dies during a send and no acknowledged message is lost";

    [Fact]
    public async Task Ctrl_C_during_a_scenario_leaves_no_process_port_or_temp_file()
    {
        // Given: the suite running a scenario, its embedded cluster up (brokers and fault proxies listening)
        using var run = FeaturesHostRun.Start($"Feature={Feature}&Category=smoke", new Dictionary<string, string?>());
        Leftovers running = Leftovers.Of(run);
        await run.WaitUntilAsync(() => (running = Leftovers.Of(run)).Ports.Count >= 6, TimeSpan.FromMinutes(3), "the scenario's cluster listening");

        // When
        run.Interrupt();
        var exit = await run.WaitForExitAsync(TimeSpan.FromMinutes(2));
        TestContext.Current.TestOutputHelper?.WriteLine($"exit {exit} after {run.Elapsed.TotalSeconds:0.0} s; ports {string.Join(", ", running.Ports)}{Environment.NewLine}{run.Output}");

        // Then
        exit.Should().NotBe(0, $"an interrupted run is no pass:{Environment.NewLine}{run.Output}");
        await running.ShouldBeGoneAsync(run, TimeSpan.FromSeconds(30));
    }
}
