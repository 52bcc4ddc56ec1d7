using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// What a group that joined late read of the records written before it joined (<see cref="BeforeStreamIds"/>,
/// expected exactly <see cref="ExpectedBefore"/> when given: auto.offset.reset=latest reads 0, earliest all) and
/// of those written after (<see cref="AllAfter"/>: every one). A record counts as read when any consumer of the
/// run read it, so the scenario lets only that group read.
/// </summary>
public sealed class ReadBeforeAfterChecker : IChecker
{
    public const string CheckerName = "read-before-after";

    public ReadBeforeAfterChecker(string group, IReadOnlyCollection<int> beforeStreamIds, IReadOnlyCollection<int> afterStreamIds, long? expectedBefore, bool allAfter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        ArgumentNullException.ThrowIfNull(beforeStreamIds);
        ArgumentNullException.ThrowIfNull(afterStreamIds);
        if (expectedBefore is < 0) throw new ArgumentOutOfRangeException(nameof(expectedBefore), expectedBefore, "An expected count must be 0 or more.");
        Group = group;
        BeforeStreamIds = beforeStreamIds;
        AfterStreamIds = afterStreamIds;
        ExpectedBefore = expectedBefore;
        AllAfter = allAfter;
    }

    public string Group { get; }
    public IReadOnlyCollection<int> BeforeStreamIds { get; }
    public IReadOnlyCollection<int> AfterStreamIds { get; }
    public long? ExpectedBefore { get; }
    public bool AllAfter { get; }
    public string Name => CheckerName;

    public Verdict Check(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var (readBefore, writtenBefore) = Read(history, BeforeStreamIds);
        var (readAfter, writtenAfter) = Read(history, AfterStreamIds);
        var numbers = new Dictionary<string, double>
        {
            ["read-before"] = readBefore, ["written-before"] = writtenBefore, ["read-after"] = readAfter, ["written-after"] = writtenAfter,
        };
        if (ExpectedBefore is { } e) numbers["expected-before"] = e;
        var summary = $"group \"{Group}\" read {readBefore:N0} of the {writtenBefore:N0} messages written before it joined and {readAfter:N0} of the {writtenAfter:N0} written after";
        var problems = new List<string>();
        if (ExpectedBefore is { } expected && readBefore != expected)
            problems.Add($"read {readBefore:N0} of the messages written before it joined, expected {expected:N0}");
        if (AllAfter && readAfter != writtenAfter)
            problems.Add($"read only {readAfter:N0} of the {writtenAfter:N0} messages written after it joined");
        return problems.Count == 0 ? Verdict.Valid(Name, summary, numbers) : Verdict.Invalid(Name, summary, numbers, problems);
    }

    private static (long Read, long Written) Read(HistorySnapshot history, IReadOnlyCollection<int> streamIds)
    {
        long read = 0, written = 0;
        foreach (var p in history.Producers.Where(p => streamIds.Contains(p.Id)))
        {
            written += p.Sent;
            for (long s = 0; s < p.Sent; s++)
                if (history.WasConsumed(p.Id, s)) read++;
        }
        return (read, written);
    }
}
