using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace KafkaResilience.Docker.Containers;

/// <summary>
/// The Docker Engine API calls the docker target's faults are made of, on one container at a time:
/// SIGKILL, clean stop, start, pause (cgroup freezer), unpause, network disconnect and reconnect under
/// the container's alias, and the timestamped logs a restart is judged by. One place, so the tests that
/// run them against a real engine exercise exactly what the target calls. Works on Engine API 1.41 and later.
/// </summary>
public sealed class ContainerFaults
{
    private readonly IDockerClient _docker;

    public ContainerFaults(IDockerClient docker) => _docker = docker ?? throw new ArgumentNullException(nameof(docker));

    /// <summary>SIGKILL: no shutdown hook runs, nothing is flushed.</summary>
    public Task KillAsync(string containerId, CancellationToken cancellationToken = default) =>
        _docker.Containers.KillContainerAsync(containerId, new ContainerKillParameters { Signal = "KILL" }, cancellationToken);

    /// <summary>SIGTERM, then SIGKILL after <paramref name="grace"/> (Docker's own stop).</summary>
    public Task StopAsync(string containerId, TimeSpan grace, CancellationToken cancellationToken = default) =>
        _docker.Containers.StopContainerAsync(containerId, new ContainerStopParameters { WaitBeforeKillSeconds = (uint)Math.Ceiling(grace.TotalSeconds) }, cancellationToken);

    /// <summary>
    /// Starts the container again and returns the moment its previous process ended (State.FinishedAt, read
    /// before the start): every log line stamped later comes from the new process. The engine's StartedAt is
    /// no such bound: it is stamped after the new process may already have written its first lines (the engine
    /// tests print both, with the logs, on every engine they run on).
    /// </summary>
    public async Task<DateTimeOffset> StartAsync(string containerId, CancellationToken cancellationToken = default)
    {
        var before = await StateAsync(containerId, cancellationToken).ConfigureAwait(false);
        if (!StartEvidence.TryParseDockerTime(before.FinishedAt, out var previousEnd))
            throw new InvalidOperationException($"The engine reported no end time for container {containerId}'s previous run (FinishedAt '{before.FinishedAt}').");
        await _docker.Containers.StartContainerAsync(containerId, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
        return previousEnd;
    }

    /// <summary>Freezes every process of the container; its connections stay open, nothing answers.</summary>
    public Task PauseAsync(string containerId, CancellationToken cancellationToken = default) =>
        _docker.Containers.PauseContainerAsync(containerId, cancellationToken);

    public Task UnpauseAsync(string containerId, CancellationToken cancellationToken = default) =>
        _docker.Containers.UnpauseContainerAsync(containerId, cancellationToken);

    /// <summary>Takes the container off the network: nobody on it reaches the container, nor resolves its alias.</summary>
    public Task DisconnectAsync(string network, string containerId, CancellationToken cancellationToken = default) =>
        _docker.Networks.DisconnectNetworkAsync(network, new NetworkDisconnectParameters { Container = containerId, Force = true }, cancellationToken);

    /// <summary>Puts the container back on the network under <paramref name="alias"/>, so the others resolve it again.</summary>
    public Task ReconnectAsync(string network, string containerId, string alias, CancellationToken cancellationToken = default) =>
        _docker.Networks.ConnectNetworkAsync(
            network,
            new NetworkConnectParameters { Container = containerId, EndpointConfig = new EndpointSettings { Aliases = [alias] } },
            cancellationToken);

    /// <summary>The container's state as the engine reports it (running, paused, exit code, start time).</summary>
    public async Task<State> StateAsync(string containerId, CancellationToken cancellationToken = default)
    {
        var inspect = await _docker.Containers.InspectContainerAsync(containerId, cancellationToken).ConfigureAwait(false);
        return inspect.State ?? throw new InvalidOperationException($"The engine reported no state for container {containerId}.");
    }

    /// <summary>Stdout and stderr since <paramref name="since"/> (to the second, rounded down), each line prefixed with Docker's timestamp.</summary>
    public async Task<string> TimestampedLogsSinceAsync(string containerId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        using var stream = await _docker.Containers.GetContainerLogsAsync(
            containerId,
            new ContainerLogsParameters
            {
                ShowStdout = true,
                ShowStderr = true,
                Timestamps = true,
                Since = since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            },
            cancellationToken).ConfigureAwait(false);
        var (stdout, stderr) = await stream.ReadOutputToEndAsync(cancellationToken).ConfigureAwait(false);
        return stdout + "\n" + stderr;
    }
}
