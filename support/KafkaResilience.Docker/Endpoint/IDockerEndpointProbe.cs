namespace KafkaResilience.Docker.Endpoint;

/// <summary>
/// Answers "is a Docker engine reachable, and where?" within a short, bounded time. Injected so
/// target selection can be tested with and without an engine.
/// </summary>
public interface IDockerEndpointProbe
{
    Task<DockerEndpointProbeResult> ProbeAsync(CancellationToken cancellationToken = default);
}
