using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// How many members of a group read nothing: exactly <see cref="ExpectedIdle"/> ("every consumer received
/// messages" expects 0). Expecting idle members beside busy ones needs more members than that.
/// </summary>
public sealed class IdleConsumerChecker : IChecker
{
    public const string CheckerName = "idle-consumers";

    public IdleConsumerChecker(string group, IReadOnlyList<string> members, int expectedIdle)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedIdle);
        Group = group;
        Members = members;
        ExpectedIdle = expectedIdle;
    }

    public string Group { get; }
    public IReadOnlyList<string> Members { get; }
    public int ExpectedIdle { get; }
    public string Name => CheckerName;

    public IReadOnlyList<IEvidenceNeed> Needs => [new ReadByGroup(Group)];

    public Verdict Check(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var read = Members.Select(m => (Name: m, Read: history.Consumers.Where(c => c.Name == m).Sum(c => c.Consumed))).ToList();
        var idle = read.Where(m => m.Read == 0).Select(m => m.Name).ToList();
        var lines = read.Select(m => $"{m.Name}: {m.Read:N0}").ToList();
        var numbers = new Dictionary<string, double> { ["members"] = read.Count, ["idle"] = idle.Count, ["expected-idle"] = ExpectedIdle };
        var summary = $"{idle.Count} of the {read.Count} consumer(s) of group \"{Group}\" received nothing ({string.Join(", ", lines)})";
        if (ExpectedIdle > 0 && read.Count <= ExpectedIdle)
            return Verdict.Invalid(Name, summary, numbers, [$"{ExpectedIdle} idle consumer(s) beside busy ones need more than {read.Count} consumer(s)"]);
        return idle.Count == ExpectedIdle ? Verdict.Valid(Name, summary, numbers) : Verdict.Invalid(Name, summary, numbers, idle);
    }
}
