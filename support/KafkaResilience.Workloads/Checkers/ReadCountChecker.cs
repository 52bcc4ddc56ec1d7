using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// A group's members read at least <see cref="Expected"/> records (every pass of a measured read counted). When
/// they fell short only by records they found below the log-start offset (dropped by the target's retention, see
/// <see cref="LostChecker.AckedBelowLogStart"/>), nothing shows a loss: that is unknown, never valid.
/// </summary>
public sealed class ReadCountChecker : IChecker
{
    public const string CheckerName = "read-all";

    public ReadCountChecker(string group, IReadOnlyCollection<string> members, long expected)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentOutOfRangeException.ThrowIfNegative(expected);
        Group = group;
        Members = members;
        Expected = expected;
    }

    public string Group { get; }
    public IReadOnlyCollection<string> Members { get; }
    public long Expected { get; }
    public string Name => CheckerName;

    public IReadOnlyList<IEvidenceNeed> Needs => [new ReadByGroup(Group)];

    public Verdict Check(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var read = history.Consumers.Where(c => Members.Contains(c.Name)).Sum(c => c.Consumed);
        var numbers = new Dictionary<string, double> { ["read"] = read, ["expected"] = Expected };
        var summary = $"group \"{Group}\" read {read:N0} of {Expected:N0} records";
        if (read >= Expected) return Verdict.Valid(Name, summary, numbers);
        var below = LostChecker.AckedBelowLogStart(history, Members.Contains);
        numbers["below-log-start"] = below;
        if (below == 0) return Verdict.Invalid(Name, summary, numbers);
        summary += $"; {below:N0} {LossCauses.SkippedByCluster} before it read them";
        return read + below >= Expected ? Verdict.Unknown(Name, summary, numbers) : Verdict.Invalid(Name, summary, numbers);
    }
}
