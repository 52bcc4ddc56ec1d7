using KafkaResilience.Cluster;
using KafkaResilience.Targets.Selection;

namespace KafkaResilience.Targets;

/// <summary>
/// The outcome of starting the chosen target, as a value (no exception storm): a running cluster,
/// or "unavailable" (skip every Kafka scenario with <see cref="Reason"/>), or "failed" (fail them with it).
/// </summary>
public sealed record ClusterStartResult(TargetSelection Selection, ClusterStartStatus Status, IKafkaCluster? Cluster, string? Reason)
{
    public static ClusterStartResult Started(TargetSelection selection, IKafkaCluster cluster) =>
        new(selection, ClusterStartStatus.Started, cluster ?? throw new ArgumentNullException(nameof(cluster)), null);

    public static ClusterStartResult Unavailable(TargetSelection selection, string reason) =>
        new(selection, ClusterStartStatus.Unavailable, null, reason);

    public static ClusterStartResult Failed(TargetSelection selection, string reason) =>
        new(selection, ClusterStartStatus.Failed, null, reason);

    public bool IsStarted => Status == ClusterStartStatus.Started;

    /// <summary>The skip reason for a Kafka scenario, or null when it should run (or fail).</summary>
    public string? SkipReason => Status == ClusterStartStatus.Unavailable ? Reason : null;

    public override string ToString() => Status switch
    {
        ClusterStartStatus.Started => $"{Selection}: started {Cluster!.Description}",
        ClusterStartStatus.Unavailable => $"{Selection}; every Kafka scenario is skipped: {Reason}",
        _ when Selection.FailureReason is not null => $"{Selection}; every Kafka scenario fails",
        _ => $"{Selection}; the target failed to start: {Reason}",
    };
}
