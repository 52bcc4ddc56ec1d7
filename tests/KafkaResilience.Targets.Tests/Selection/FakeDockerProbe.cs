using KafkaResilience.Docker.Endpoint;

namespace KafkaResilience.Targets.Tests.Selection;

/// <summary>A Docker probe with a fixed answer that counts how often it was asked and remembers the images asked about.</summary>
internal sealed class FakeDockerProbe(DockerEndpointProbeResult result) : IDockerEndpointProbe
{
    private static readonly Uri Socket = new("unix:///var/run/docker.sock");

    public static FakeDockerProbe Answering() => new(DockerEndpointProbeResult.Usable(
        new DockerEngineFacts(Socket, "27.0.0", new Version(1, 46), new Version(1, 24), new Version(1, 44)),
        "engine 27.0.0, API 1.46"));

    public static FakeDockerProbe Silent() =>
        new(DockerEndpointProbeResult.NoEngine("tried unix:///var/run/docker.sock (no such socket)"));

    public static FakeDockerProbe TooOld() => new(DockerEndpointProbeResult.Unusable(
        new DockerEngineFacts(Socket, "20.10.24+dfsg1", new Version(1, 41), new Version(1, 12), new Version(1, 44)),
        "Docker Engine 20.10.24+dfsg1 (API 1.41) at unix:///var/run/docker.sock is older than Testcontainers needs (API 1.44, Engine 25+)"));

    public int Calls { get; private set; }

    public IReadOnlyList<string> Images { get; private set; } = [];

    public Task<DockerEndpointProbeResult> ProbeAsync(IReadOnlyList<string> images, CancellationToken cancellationToken = default)
    {
        Calls++;
        Images = images;
        return Task.FromResult(result);
    }
}
