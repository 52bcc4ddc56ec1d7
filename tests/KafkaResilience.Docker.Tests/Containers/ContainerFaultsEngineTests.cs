using System.Diagnostics;
using System.Text.RegularExpressions;
using FluentAssertions;
using KafkaResilience.Docker.Containers;

namespace KafkaResilience.Docker.Tests.Containers;

/// <summary>
/// The Docker API calls the docker target's faults are made of (<see cref="ContainerFaults"/>), against a
/// real engine and a container made from a locally imported image. Skipped, with the reason, where no
/// engine is reachable. Each test says what it measured in its output.
/// </summary>
public sealed class ContainerFaultsEngineTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    // A process that ends cleanly on SIGTERM and says when it started (busybox sleep as PID 1 would ignore SIGTERM).
    private const string Service = "echo \"service started\"; trap 'echo stopping; exit 0' TERM; while :; do sleep 1 & wait $!; done";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private ContainerFaults Faults => new(engine.Client);

    private void Skip() => Assert.SkipWhen(engine.SkipReason is not null, engine.SkipReason ?? string.Empty);

    private static void Say(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    [Fact]
    public async Task Kill_sends_sigkill_and_the_process_dies_without_its_shutdown_hook()
    {
        Skip();
        var id = await engine.RunAsync("target", Service, Token);

        var watch = Stopwatch.StartNew();
        await Faults.KillAsync(id, Token);
        var exit = await engine.Client.Containers.WaitContainerAsync(id, Token);

        exit.StatusCode.Should().Be(137, "128 + SIGKILL (9): the TERM trap never ran");
        (await Faults.StateAsync(id, Token)).Running.Should().BeFalse();
        Say($"engine {engine.EngineDescription} at {engine.Endpoint}: kill -> exit code {exit.StatusCode} after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Stop_sends_sigterm_first_so_a_clean_shutdown_ends_before_the_grace_runs_out()
    {
        Skip();
        var id = await engine.RunAsync("target", Service, Token);

        var watch = Stopwatch.StartNew();
        await Faults.StopAsync(id, TimeSpan.FromSeconds(20), Token);
        watch.Stop();

        var state = await Faults.StateAsync(id, Token);
        state.Running.Should().BeFalse();
        state.ExitCode.Should().Be(0, "the TERM trap exits 0; a SIGKILL after the grace would give 137");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
        Say($"engine {engine.EngineDescription}: stop -> exit code {state.ExitCode} after {watch.ElapsedMilliseconds} ms (grace 20 s)");
    }

    [Fact]
    public async Task Start_again_runs_a_new_process_and_only_its_start_line_counts_as_evidence()
    {
        Skip();
        var id = await engine.RunAsync("target", Service, Token);
        await Faults.KillAsync(id, Token);
        await engine.Client.Containers.WaitContainerAsync(id, Token);
        var killed = await Faults.StateAsync(id, Token);

        var previousEnd = await Faults.StartAsync(id, Token);

        var running = await Faults.StateAsync(id, Token);
        running.Running.Should().BeTrue();
        StartEvidence.TryParseDockerTime(killed.FinishedAt, out var finished).Should().BeTrue();
        previousEnd.Should().Be(finished, "the bound is the old process's end, read before the start");
        StartEvidence.TryParseDockerTime(running.StartedAt, out var startedAt).Should().BeTrue();
        var pattern = new Regex("service started");
        var logs = string.Empty;
        for (var attempt = 0; attempt < 100 && !StartEvidence.IsFresh(logs, previousEnd, pattern); attempt++)
        {
            logs = await Faults.TimestampedLogsSinceAsync(id, previousEnd.AddSeconds(-60), Token);
            if (!StartEvidence.IsFresh(logs, previousEnd, pattern))
                await Task.Delay(TimeSpan.FromMilliseconds(100), Token);
        }
        Regex.Matches(logs, "service started").Should().HaveCount(2, $"both runs' lines are in the logs:\n{logs}");
        StartEvidence.IsFresh(logs, previousEnd, pattern).Should().BeTrue($"the new process printed its line after the old one ended at {previousEnd:O}:\n{logs}");
        StartEvidence.IsFresh(logs, startedAt.AddSeconds(60), pattern).Should().BeFalse("no line is stamped a minute after the start");
        Say($"engine {engine.EngineDescription}: start after kill -> old process ended {previousEnd:O}, engine StartedAt {startedAt:O}; " +
            $"the new start line is the only one after the end:\n{logs.Trim()}");
    }

    [Fact]
    public async Task Pause_freezes_the_container_and_unpause_thaws_it()
    {
        Skip();
        var id = await engine.RunAsync("target", Service, Token);

        await Faults.PauseAsync(id, Token);
        var paused = await Faults.StateAsync(id, Token);
        await Faults.UnpauseAsync(id, Token);
        var resumed = await Faults.StateAsync(id, Token);

        paused.Paused.Should().BeTrue();
        paused.Status.Should().Be("paused");
        resumed.Paused.Should().BeFalse();
        resumed.Running.Should().BeTrue();
        Say($"engine {engine.EngineDescription}: pause -> status '{paused.Status}'; unpause -> status '{resumed.Status}'");
    }

    [Fact]
    public async Task Disconnect_hides_the_container_from_the_network_and_reconnect_brings_it_back_under_its_alias()
    {
        Skip();
        var id = await engine.RunAsync("broker-under-test", Service, Token);
        var before = await engine.RunToEndAsync("nslookup broker-under-test", Token);

        await Faults.DisconnectAsync(engine.Network, id, Token);
        var inspectAfterDisconnect = await engine.Client.Containers.InspectContainerAsync(id, Token);
        var during = await engine.RunToEndAsync("nslookup broker-under-test", Token);

        await Faults.ReconnectAsync(engine.Network, id, "broker-under-test", Token);
        var inspectAfterReconnect = await engine.Client.Containers.InspectContainerAsync(id, Token);
        var after = await engine.RunToEndAsync("nslookup broker-under-test", Token);

        before.ExitCode.Should().Be(0, before.Output);
        inspectAfterDisconnect.NetworkSettings!.Networks.Should().NotContainKey(engine.Network);
        during.ExitCode.Should().NotBe(0, "a peer on the network no longer resolves the alias: " + during.Output);
        inspectAfterReconnect.NetworkSettings!.Networks.Should().ContainKey(engine.Network);
        inspectAfterReconnect.NetworkSettings.Networks[engine.Network].Aliases.Should().Contain("broker-under-test");
        after.ExitCode.Should().Be(0, after.Output);
        var address = inspectAfterReconnect.NetworkSettings.Networks[engine.Network].IPAddress;
        after.Output.Should().Contain(address, "the alias resolves to the container's address after the reconnect");
        Say($"engine {engine.EngineDescription}: alias resolves before (exit {before.ExitCode}), not while disconnected (exit {during.ExitCode}), again after reconnect to {address} (exit {after.ExitCode})");
    }
}
