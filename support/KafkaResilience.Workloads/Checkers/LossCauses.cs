namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// Why acknowledged records were never read, one count per cause the history can prove (see
/// <see cref="LostChecker"/>). <paramref name="BelowLogStart"/> were dropped by the target before a consumer
/// got to them and are not called lost; the other three are.
/// </summary>
public sealed record LossCauses(long BelowLogStart, long NeverReached, long Overwritten, long WithoutOffset)
{
    /// <summary>
    /// How every checker, step and report names the records of <see cref="BelowLogStart"/>: the target dropped them
    /// (its retention, or truncation) before a consumer got there, and its offset reset skipped them. Never "lost".
    /// </summary>
    public const string SkippedByCluster = "skipped by the cluster (below log-start offset)";

    /// <summary>Every acknowledged record never read, whatever the cause.</summary>
    public long NotRead => BelowLogStart + NeverReached + Overwritten + WithoutOffset;
}
