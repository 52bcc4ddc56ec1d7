using KafkaResilience.Cluster;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// Leader changes of a topic's partitions, from the cluster's <see cref="IClusterAdmin.LeadershipChanges"/>:
/// lists each (from, to, when) and judges them against a <see cref="LeaderChangeExpectation"/>.
/// </summary>
public sealed class LeaderChangeChecker : IChecker
{
    public const string CheckerName = "leader-changes";

    public LeaderChangeChecker(LeaderChangeExpectation expectation)
    {
        Expectation = expectation ?? throw new ArgumentNullException(nameof(expectation));
        ArgumentException.ThrowIfNullOrWhiteSpace(expectation.Topic, nameof(expectation.Topic));
    }

    public LeaderChangeExpectation Expectation { get; }
    public string Name => CheckerName;

    public Verdict Check(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var changes = history.LeadershipChanges
            .Where(c => c.Partition is not null && c.Topic == Expectation.Topic)
            .OrderBy(c => c.At).ToList();
        var lines = changes.Select(c => $"{Expectation.Topic}-{c.Partition}: {c.From?.ToString() ?? "none"} -> {c.To?.ToString() ?? "none"} at {history.OriginWallClock.Elapsed(c.At)} ({c.Cause})").ToList();
        var numbers = new Dictionary<string, double>
        {
            ["changes"] = changes.Count,
            ["partitions-moved"] = changes.Select(c => c.Partition).Distinct().Count(),
        };
        var problems = new List<string>();
        if (Expectation.NoChange)
            problems.AddRange(lines.Select(l => $"{l} where no change was expected"));
        if (Expectation.LostBroker is { } lost)
        {
            var movedOff = changes.Where(c => c.From == lost).ToList();
            numbers["moved-off-lost-broker"] = movedOff.Count;
            if (movedOff.Count == 0)
                problems.Add($"no partition leadership moved off broker {lost}");
            foreach (var c in movedOff)
            {
                if (c.To is null)
                    problems.Add($"partition {c.Partition} was left without a leader");
                else if (c.To == lost || (Expectation.AllowedNewLeaders is { } allowed && !allowed.Contains(c.To.Value)))
                    problems.Add($"partition {c.Partition} moved to {c.To}, not one of {string.Join("/", Expectation.AllowedNewLeaders ?? [])}");
            }
            if (Expectation.MustNotMoveBack && movedOff.Count > 0)
            {
                var firstMove = movedOff.Min(c => c.At);
                var back = changes.Where(c => c.At > firstMove && c.To == lost).ToList();
                numbers["moved-back"] = back.Count;
                problems.AddRange(back.Select(c => $"partition {c.Partition} moved back to {lost}"));
            }
        }
        var summary = changes.Count == 0 ? $"no leader change on {Expectation.Topic}" : $"{changes.Count} leader change(s) on {Expectation.Topic}: {string.Join("; ", lines.Take(10))}";
        return problems.Count > 0
            ? Verdict.Invalid(Name, summary, numbers, problems.Take(10).ToList())
            : Verdict.Valid(Name, summary, numbers, lines.Take(10).ToList());
    }
}
