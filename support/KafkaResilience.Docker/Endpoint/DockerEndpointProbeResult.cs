namespace KafkaResilience.Docker.Endpoint;

/// <summary>
/// What a Docker probe found: the endpoint that answered (and the engine version), or, when none
/// did, one sentence saying which endpoints were tried and why each failed.
/// </summary>
public sealed record DockerEndpointProbeResult(bool IsAvailable, Uri? Endpoint, string Detail)
{
    public static DockerEndpointProbeResult Available(Uri endpoint, string detail) => new(true, endpoint, detail);

    public static DockerEndpointProbeResult Unavailable(string detail) => new(false, null, detail);

    public override string ToString() => IsAvailable ? $"Docker answered at {Endpoint} ({Detail})" : $"no Docker endpoint answered: {Detail}";
}
