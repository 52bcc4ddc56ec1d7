namespace KafkaResilience.Workloads.Consuming;

/// <summary>Why consumers stopped being waited for.</summary>
public enum CatchUpOutcome
{
    /// <summary>The producers finished and every acked record was read.</summary>
    CaughtUp,
    /// <summary>The producers finished and nothing new was read for the idle timeout (records lost or stalled).</summary>
    Idle,
    /// <summary>The overall timeout passed first.</summary>
    TimedOut,
}
