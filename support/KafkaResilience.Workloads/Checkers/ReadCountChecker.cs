using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>A group's members read at least <see cref="Expected"/> records (every pass of a measured read counted).</summary>
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

    public Verdict Check(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var read = history.Consumers.Where(c => Members.Contains(c.Name)).Sum(c => c.Consumed);
        var numbers = new Dictionary<string, double> { ["read"] = read, ["expected"] = Expected };
        var summary = $"group \"{Group}\" read {read:N0} of {Expected:N0} records";
        return read >= Expected ? Verdict.Valid(Name, summary, numbers) : Verdict.Invalid(Name, summary, numbers);
    }
}
