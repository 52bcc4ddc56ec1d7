using KafkaResilience.Cluster;
using KafkaResilience.Docker.Definition;
using KafkaResilience.Embedded;
using KafkaResilience.Docker.Endpoint;

namespace KafkaResilience.Targets.Selection;

/// <summary>
/// Which target the run uses and why, as data: the run prints <see cref="ToString"/> at the start and
/// records it in the report. When the chosen target cannot run here, one sentence says why, and every
/// Kafka scenario gets it: <see cref="UnavailableReason"/> (docker asked for, no engine at all: skipped) or
/// <see cref="FailureReason"/> (docker asked for, an engine answers but the target cannot run on it, e.g.
/// too old: failed at once).
/// </summary>
public sealed record TargetSelection(
    string Requested,
    TargetKind Kind,
    string Reason,
    string? UnavailableReason,
    DockerEndpointProbeResult? DockerProbe)
{
    /// <summary>Docker asked for, an engine answers, and the docker target cannot run on it: the run fails with this.</summary>
    public string? FailureReason { get; init; }

    /// <summary>The Kafka the docker target runs (KAFKA_RESILIENCE_KAFKA_STACK); other targets ignore it.</summary>
    public KafkaStack Stack { get; init; } = KafkaStack.Kraft;

    /// <summary>
    /// What the target can judge honestly, known before a cluster starts: the embedded mock's bounded window per partition
    /// and in-process rate; none for the docker and external targets (real brokers, their own retention).
    /// </summary>
    public CapabilityLimits Limits => Kind == TargetKind.Embedded ? EmbeddedCapabilities.Limits : CapabilityLimits.None;

    /// <summary>True when the target can be started here.</summary>
    public bool IsAvailable => UnavailableReason is null && FailureReason is null;

    /// <summary>"embedded", "docker" or "external", as <c>IKafkaCluster.TargetName</c> says it.</summary>
    public string TargetName => Kind.ToString().ToLowerInvariant();

    public override string ToString() =>
        FailureReason is not null ? $"Kafka target: {TargetName} cannot run here ({TargetEnvironmentVariables.Target}={Requested}): {FailureReason}"
        : UnavailableReason is not null ? $"Kafka target: {TargetName} is unavailable ({TargetEnvironmentVariables.Target}={Requested}): {UnavailableReason}"
        : $"Kafka target: {TargetName} ({TargetEnvironmentVariables.Target}={Requested}; {Reason})";
}
