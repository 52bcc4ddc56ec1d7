using KafkaResilience.Docker.Endpoint;
using KafkaResilience.Targets;

namespace KafkaResilience.Chaos.Tests.Fakes;

/// <summary>A run's target session written by hand: the embedded target asked for, no Docker engine looked for.</summary>
internal static class LiteralTargets
{
    public static TargetSession Embedded() =>
        new(new KafkaTargetFactory(name => name == "KAFKA_RESILIENCE_TARGET" ? "embedded" : null, new NoDocker()));

    private sealed class NoDocker : IDockerEndpointProbe
    {
        public Task<DockerEndpointProbeResult> ProbeAsync(IReadOnlyList<string> images, CancellationToken cancellationToken = default) =>
            Task.FromResult(DockerEndpointProbeResult.NoEngine("no engine in a unit test"));
    }
}
