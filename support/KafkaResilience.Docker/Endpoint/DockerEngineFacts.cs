using DotNet.Testcontainers.Configurations;

namespace KafkaResilience.Docker.Endpoint;

/// <summary>
/// What an engine said about itself (version, API range), measured over plain unversioned requests that
/// every engine answers, beside the API version Testcontainers will ask it for, whether Testcontainers'
/// own endpoint discovery found it (and with which authentication), and which images it holds.
/// </summary>
public sealed record DockerEngineFacts(Uri Endpoint, string EngineVersion, Version ApiVersion, Version MinApiVersion, Version RequiredApiVersion)
{
    /// <summary>The endpoint and authentication Testcontainers resolved (TLS, contexts, properties file...), or null when its discovery found none.</summary>
    public IDockerEndpointAuthenticationConfiguration? TestcontainersEndpoint { get; init; }

    /// <summary>The images the cluster needs, each present, pullable, or with the reason it is neither (empty until checked).</summary>
    public IReadOnlyList<DockerImageFact> Images { get; init; } = [];

    /// <summary>"Docker Engine 20.10.24+dfsg1 (API 1.41) at unix:///var/run/docker.sock".</summary>
    public string Describe() => $"Docker Engine {EngineVersion} (API {ApiVersion}) at {Endpoint}";
}
