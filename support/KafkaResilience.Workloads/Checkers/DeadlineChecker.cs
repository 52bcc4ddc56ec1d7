using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.History.Observations;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// Something the scenario waited for came within its deadline: the last wait of that name the history recorded
/// (<see cref="WaitRecord"/>: a broker back in the metadata, a send with an outcome for every message) saw it within
/// its bound. A wait that was never recorded leaves the verdict unknown, never valid.
/// </summary>
public sealed class DeadlineChecker : IChecker
{
    public DeadlineChecker(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The wait's name in the history, which is also the checker's ("broker-back", "send-finished").</summary>
    public string Name { get; }

    public Verdict Check(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Waits.LastOrDefault(w => w.Name == Name) is not { } wait)
            return Verdict.Unknown(Name, $"no wait named '{Name}' is in the history, so there is nothing to judge");
        var numbers = new Dictionary<string, double>
        {
            ["seconds"] = wait.ReachedAfter?.TotalSeconds ?? -1,
            ["bound-seconds"] = wait.Bound.TotalSeconds,
        };
        var summary = (wait.ReachedAfter is { } after ? $"{wait.What} after {after.TotalSeconds:0.0} s" : $"{wait.What}: not within {wait.Bound.TotalSeconds:0.#} s") +
                      (string.IsNullOrWhiteSpace(wait.Detail) ? "" : $" ({wait.Detail})");
        return wait.ReachedAfter is { } reached && reached <= wait.Bound ? Verdict.Valid(Name, summary, numbers) : Verdict.Invalid(Name, summary, numbers);
    }
}
