namespace KafkaResilience.Docker.Endpoint;

/// <summary>
/// One image the docker target needs, as the engine sees it: present locally, or absent and pullable, or
/// absent with the reason it cannot be pulled (<see cref="Problem"/>). Never pulled by the check itself.
/// </summary>
public sealed record DockerImageFact(string Name, bool Present, string? Problem)
{
    public static DockerImageFact Local(string name) => new(name, true, null);

    public static DockerImageFact Pullable(string name) => new(name, false, null);

    public static DockerImageFact Missing(string name, string problem) => new(name, false, problem);

    /// <summary>True when Testcontainers can start a container from it (present, or pullable).</summary>
    public bool IsUsable => Problem is null;
}
