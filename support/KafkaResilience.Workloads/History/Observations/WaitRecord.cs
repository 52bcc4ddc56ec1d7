namespace KafkaResilience.Workloads.History.Observations;

/// <summary>
/// The outcome of a judged wait (a broker back in the metadata, every send with an outcome): what was waited for, its
/// bound, how long it took (null: not within the bound) and what the wait saw last. Recorded when the wait ends, so a
/// deadline is judged from the history like every other expectation.
/// </summary>
public sealed record WaitRecord(string Name, string What, TimeSpan Bound, TimeSpan? ReachedAfter, string? Detail, TimeSpan At);
