namespace KafkaResilience.Cluster;

/// <summary>
/// A partition leader (or, with <see cref="Partition"/> null and <see cref="Topic"/> holding the
/// group id, a group coordinator) that moved from one broker to another, when, and why.
/// Recorded by the target; judged later by the checkers.
/// </summary>
public sealed record LeadershipChange(
    DateTimeOffset At,
    string Topic,
    int? Partition,
    int? From,
    int? To,
    string Cause)
{
    public bool IsCoordinatorChange => Partition is null;

    public override string ToString() => Partition is null
        ? $"{At:HH:mm:ss.fff} coordinator of group {Topic}: {From?.ToString() ?? "none"} -> {To?.ToString() ?? "none"} ({Cause})"
        : $"{At:HH:mm:ss.fff} leader of {Topic}-{Partition}: {From?.ToString() ?? "none"} -> {To?.ToString() ?? "none"} ({Cause})";
}
