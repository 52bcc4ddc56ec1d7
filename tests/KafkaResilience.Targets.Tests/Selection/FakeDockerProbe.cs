using KafkaResilience.Docker.Endpoint;

namespace KafkaResilience.Targets.Tests.Selection;

/// <summary>A Docker probe with a fixed answer that counts how often it was asked.</summary>
internal sealed class FakeDockerProbe(DockerEndpointProbeResult result) : IDockerEndpointProbe
{
    public static FakeDockerProbe Answering() =>
        new(DockerEndpointProbeResult.Available(new Uri("unix:///var/run/docker.sock"), "engine 27.0.0, API 1.46"));

    public static FakeDockerProbe Silent() =>
        new(DockerEndpointProbeResult.Unavailable("tried unix:///var/run/docker.sock (no such socket)"));

    public int Calls { get; private set; }

    public Task<DockerEndpointProbeResult> ProbeAsync(CancellationToken cancellationToken = default)
    {
        Calls++;
        return Task.FromResult(result);
    }
}
