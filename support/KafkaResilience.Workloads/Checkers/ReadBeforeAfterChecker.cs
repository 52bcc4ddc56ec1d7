using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// What a group that joined late read of the records written before it joined (<see cref="BeforeStreamIds"/>,
/// expected exactly <see cref="ExpectedBefore"/> when given: auto.offset.reset=latest reads 0, earliest all) and
/// of those written after (<see cref="AllAfter"/>: every one). A record counts as read when any consumer of the
/// run read it, so the scenario lets only that group read. Given the group's <see cref="Members"/>, the records they
/// found below the log-start offset (dropped by the target's retention) are counted too: a group that read fewer than
/// expected only by those cannot be judged (unknown), as the lost checker says of them.
/// </summary>
public sealed class ReadBeforeAfterChecker : IChecker
{
    public const string CheckerName = "read-before-after";

    public ReadBeforeAfterChecker(string group, IReadOnlyCollection<int> beforeStreamIds, IReadOnlyCollection<int> afterStreamIds, long? expectedBefore, bool allAfter,
        IReadOnlyCollection<string>? members = null)
    {
        Members = members ?? [];
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

    /// <summary>The group's consumers by name (empty: retention is not looked at).</summary>
    public IReadOnlyCollection<string> Members { get; }
    public string Name => CheckerName;

    public IReadOnlyList<IEvidenceNeed> Needs => [new ReadByGroup(Group)];

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
        var below = Members.Count == 0 ? 0 : LostChecker.AckedBelowLogStart(history, Members.Contains);
        if (Members.Count > 0) numbers["below-log-start"] = below;
        if (below > 0) summary += $"; {below:N0} below the log-start offset when it got there (the target's retention)";
        var problems = new List<string>();
        if (ExpectedBefore is { } expected && readBefore != expected)
            problems.Add($"read {readBefore:N0} of the messages written before it joined, expected {expected:N0}");
        if (AllAfter && readAfter != writtenAfter)
            problems.Add($"read only {readAfter:N0} of the {writtenAfter:N0} messages written after it joined");
        if (problems.Count == 0) return Verdict.Valid(Name, summary, numbers);
        var shortBy = (ExpectedBefore is { } e2 ? Math.Max(0, e2 - readBefore) : 0) + (AllAfter ? writtenAfter - readAfter : 0);
        var tooMany = ExpectedBefore is { } e3 && readBefore > e3;
        return below > 0 && !tooMany && below >= shortBy ? Verdict.Unknown(Name, summary, numbers, problems) : Verdict.Invalid(Name, summary, numbers, problems);
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
