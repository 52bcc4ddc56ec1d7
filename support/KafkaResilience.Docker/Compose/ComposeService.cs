namespace KafkaResilience.Docker.Compose;

/// <summary>The facts of one compose service that the docker target's definition must agree with.</summary>
public sealed record ComposeService(
    string Name,
    string? Image,
    IReadOnlyList<string> Command,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<ComposePortMapping> Ports,
    IReadOnlyDictionary<string, IReadOnlyList<string>> NetworkAliases,
    IReadOnlyDictionary<string, string> ConfigTargets,
    IReadOnlyList<string> Profiles)
{
    /// <summary>True when <c>docker compose --profile <paramref name="profile"/></c> starts this service (no profiles: always).</summary>
    public bool IsIn(string profile) => Profiles.Count == 0 || Profiles.Contains(profile, StringComparer.Ordinal);

    /// <summary>The health check's <c>test</c> as compose gives it (["CMD", ...] or ["CMD-SHELL", "..."]); empty when none.</summary>
    public IReadOnlyList<string> HealthCheck { get; init; } = [];
}
