using DotNet.Testcontainers.Configurations;

namespace KafkaResilience.Docker.Endpoint;

/// <summary>
/// What a Docker probe found: a usable engine (with the endpoint Testcontainers resolved), an engine the
/// docker target cannot use and the one sentence why (measured facts in it), or no engine at all and what
/// was tried. <see cref="Detail"/> is that sentence.
/// </summary>
public sealed record DockerEndpointProbeResult(DockerProbeOutcome Outcome, DockerEngineFacts? Engine, string Detail)
{
    public static DockerEndpointProbeResult Usable(DockerEngineFacts engine, string detail) =>
        new(DockerProbeOutcome.Usable, engine ?? throw new ArgumentNullException(nameof(engine)), detail);

    public static DockerEndpointProbeResult Unusable(DockerEngineFacts? engine, string reason) => new(DockerProbeOutcome.Unusable, engine, reason);

    public static DockerEndpointProbeResult NoEngine(string detail) => new(DockerProbeOutcome.NoEngine, null, detail);

    /// <summary>True when the docker target can run on the engine found.</summary>
    public bool IsAvailable => Outcome == DockerProbeOutcome.Usable;

    /// <summary>The endpoint (and authentication) to start containers with; null unless usable.</summary>
    public IDockerEndpointAuthenticationConfiguration? Endpoint => IsAvailable ? Engine?.TestcontainersEndpoint : null;

    public override string ToString() => Outcome switch
    {
        DockerProbeOutcome.Usable => $"Docker answered at {Engine!.Endpoint} ({Detail})",
        DockerProbeOutcome.Unusable => Detail,
        _ => $"no Docker endpoint answered: {Detail}",
    };
}
