using KafkaResilience.Docker.Endpoint;

namespace KafkaResilience.Targets.Selection;

/// <summary>
/// Which target the run uses and why, as data: the lead prints <see cref="ToString"/> at the start and
/// records it in the report. When the chosen target cannot run here (docker asked for, no engine),
/// <see cref="UnavailableReason"/> holds the one sentence every Kafka scenario is skipped with.
/// </summary>
public sealed record TargetSelection(
    string Requested,
    TargetKind Kind,
    string Reason,
    string? UnavailableReason,
    DockerEndpointProbeResult? DockerProbe)
{
    /// <summary>True when the target can be started here.</summary>
    public bool IsAvailable => UnavailableReason is null;

    /// <summary>"embedded", "docker" or "external", as <c>IKafkaCluster.TargetName</c> says it.</summary>
    public string TargetName => Kind.ToString().ToLowerInvariant();

    public override string ToString() => IsAvailable
        ? $"Kafka target: {TargetName} ({TargetEnvironmentVariables.Target}={Requested}; {Reason})"
        : $"Kafka target: {TargetName} is unavailable ({TargetEnvironmentVariables.Target}={Requested}): {UnavailableReason}";
}
