namespace KafkaResilience.Docker.Contracts;

/// <summary>
/// One container as its image sees it, whichever file described it (the docker target's definition or a
/// docker-compose.yml service): image, network aliases, environment, command arguments (the image's entrypoint
/// stays), the container ports published on the host with their host ports, and its readiness check.
/// </summary>
public sealed record ContainerUnderContract(
    string Name,
    string Image,
    IReadOnlyList<string> Aliases,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string> Command,
    IReadOnlyDictionary<int, int?> PublishedPorts,
    ContainerReadiness Readiness)
{
    /// <summary>The image without its tag or digest ("apache/kafka").</summary>
    public string Repository
    {
        get
        {
            var withoutDigest = Image.Split('@')[0];
            var lastSlash = withoutDigest.LastIndexOf('/');
            var colon = withoutDigest.IndexOf(':', lastSlash + 1);
            return colon < 0 ? withoutDigest : withoutDigest[..colon];
        }
    }

    /// <summary>The value of an environment variable, or null.</summary>
    public string? Env(string name) => Environment.TryGetValue(name, out var value) ? value : null;
}
