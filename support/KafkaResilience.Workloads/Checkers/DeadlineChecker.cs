using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// Something the scenario waited for came within its deadline: the wait saw it after <see cref="ReachedAfter"/>
/// (null: not within the wait), at most <see cref="Bound"/>. Judges what a bounded wait observed (a broker back in
/// the metadata, a send with an outcome for every message), which the history does not hold.
/// </summary>
public sealed class DeadlineChecker : IChecker
{
    public DeadlineChecker(string name, string what, TimeSpan bound, TimeSpan? reachedAfter, string? detail = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(what);
        if (bound < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(bound), bound, "A deadline must not be negative.");
        Name = name;
        What = what;
        Bound = bound;
        ReachedAfter = reachedAfter;
        Detail = detail;
    }

    public string Name { get; }

    /// <summary>What was waited for, in words ("broker 106 back in the metadata").</summary>
    public string What { get; }
    public TimeSpan Bound { get; }
    public TimeSpan? ReachedAfter { get; }

    /// <summary>What the wait saw last, e.g. the counts when it gave up.</summary>
    public string? Detail { get; }

    public Verdict Check(HistorySnapshot history)
    {
        var numbers = new Dictionary<string, double>
        {
            ["seconds"] = ReachedAfter?.TotalSeconds ?? -1,
            ["bound-seconds"] = Bound.TotalSeconds,
        };
        var summary = (ReachedAfter is { } after ? $"{What} after {after.TotalSeconds:0.0} s" : $"{What}: not within {Bound.TotalSeconds:0.#} s") +
                      (string.IsNullOrWhiteSpace(Detail) ? "" : $" ({Detail})");
        return ReachedAfter is { } reached && reached <= Bound ? Verdict.Valid(Name, summary, numbers) : Verdict.Invalid(Name, summary, numbers);
    }
}
