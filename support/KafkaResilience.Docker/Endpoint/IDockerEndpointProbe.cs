namespace KafkaResilience.Docker.Endpoint;

/// <summary>
/// Answers "can the docker target run here, on which engine, and if not, why?" within a short, bounded
/// time, for a cluster made of <c>images</c>. Injected so target selection can be tested with and without an engine.
/// </summary>
public interface IDockerEndpointProbe
{
    Task<DockerEndpointProbeResult> ProbeAsync(IReadOnlyList<string> images, CancellationToken cancellationToken = default);
}
