using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// A group that came late could not read the oldest messages because the target had already dropped them: every
/// acknowledged message never read lies below the log-start offset the group's members found when they got there
/// (retention or truncation; on the embedded target, the mock's ~5 MiB per partition), at least one does (the drop
/// happened), and none went unread for another cause (<see cref="LostChecker"/>'s causes). Invalid when nothing was
/// dropped or when a message was lost for another cause; unknown when nothing was acknowledged.
/// </summary>
public sealed class DroppedByRetentionChecker : IChecker
{
    public const string CheckerName = "dropped-by-retention";

    public DroppedByRetentionChecker(string group, IReadOnlyCollection<string> members)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        ArgumentNullException.ThrowIfNull(members);
        Group = group;
        Members = members;
    }

    public string Group { get; }
    public IReadOnlyCollection<string> Members { get; }
    public string Name => CheckerName;

    public IReadOnlyList<IEvidenceNeed> Needs => [new ReadByGroup(Group)];

    public Verdict Check(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var lost = new LostChecker().Check(history);
        var numbers = lost.Numbers.ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal);
        var groupBelow = LostChecker.AckedBelowLogStart(history, Members.Contains);
        numbers["group-below-log-start"] = groupBelow;
        var (acked, read, below, lostCount) = ((long)numbers["acked"], (long)numbers["acked-read"], (long)numbers["below-log-start"], (long)numbers["lost"]);
        var summary = $"{acked:N0} acknowledged, {read:N0} read, {below:N0} below the log-start offset when read " +
                      $"({groupBelow:N0} where group \"{Group}\" found the log starting above them: the target's retention), {lostCount:N0} lost";
        if (acked == 0) return Verdict.Unknown(Name, "no send was acknowledged: nothing could be dropped; " + summary, numbers);
        if (lostCount > 0) return Verdict.Invalid(Name, summary, numbers, [$"{lostCount:N0} went unread for another cause: {lost.Summary}", .. lost.Examples]);
        if (groupBelow == 0)
            return Verdict.Invalid(Name, summary, numbers, [$"group \"{Group}\" found nothing below the log-start offset: the target dropped nothing before it read"]);
        return Verdict.Valid(Name, summary, numbers);
    }
}
