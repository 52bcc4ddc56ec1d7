namespace KafkaResilience.Workloads.History.Observations;

/// <summary>
/// The cluster as the seed's monitoring screens showed it, at one moment around a fault: every broker (up, down,
/// paused, cut off) and, per partition of the scenario's topics, the leader, the replicas and the ISR. Says which
/// fault and moment it belongs to, when it was taken (<see cref="At"/>, and <see cref="Seconds"/> on the scenario's
/// clock), how long taking it took, and the leadership changes the cluster recorded since the previous snapshot.
/// <see cref="Error"/> says why a snapshot could not be taken (the rest is then empty).
/// </summary>
public sealed record ClusterSnapshot(
    string Fault,
    SnapshotMoment Moment,
    string? Detail,
    DateTimeOffset At,
    double Seconds,
    double TookMilliseconds,
    IReadOnlyList<SnapshotBroker> Brokers,
    IReadOnlyList<SnapshotPartition> Partitions,
    IReadOnlyList<string> ChangesSince,
    string? Error = null)
{
    /// <summary>"before kill broker 106", "kill broker 106 in effect", "after the heal of kill broker 106".</summary>
    public string Title => Moment switch
    {
        SnapshotMoment.BeforeFault => $"before {Fault}",
        SnapshotMoment.InEffect => $"{Fault}: in effect",
        _ => $"after the heal of {Fault}",
    };
}
