namespace KafkaResilience.Workloads.Consuming;

/// <summary>How waiting for the consumers ended: every acked record read, no progress for the idle timeout, or the overall timeout.</summary>
public sealed record CatchUpResult(CatchUpOutcome Outcome, long Acked, long ReadFirstTime, long AckedUnread, TimeSpan Waited)
{
    public bool CaughtUp => Outcome == CatchUpOutcome.CaughtUp;

    public override string ToString() =>
        $"{Outcome} after {Waited.TotalSeconds:0.0}s: {ReadFirstTime:N0} read of {Acked:N0} acked ({AckedUnread:N0} acked and unread)";
}
