namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// Why acknowledged records were never read, one count per cause the history can prove (see
/// <see cref="LostChecker"/>). <paramref name="BelowLogStart"/> were dropped by the target before a consumer
/// got to them and are not called lost; the other three are.
/// </summary>
public sealed record LossCauses(long BelowLogStart, long NeverReached, long Overwritten, long WithoutOffset)
{
    /// <summary>Every acknowledged record never read, whatever the cause.</summary>
    public long NotRead => BelowLogStart + NeverReached + Overwritten + WithoutOffset;
}
