using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// The consumers have read every acknowledged record so far (none acknowledged and still unread). Judged when a
/// wait for them to catch up ended; loss is a separate judgement (<see cref="LostChecker"/>, after everything stopped).
/// When every unread record was below the log-start offset when read (dropped by the target's retention), the
/// consumers could not have read them: that is unknown, never valid.
/// </summary>
public sealed class CaughtUpChecker : IChecker
{
    public const string CheckerName = "caught-up";
    private readonly int _exampleLimit;

    public CaughtUpChecker(int exampleLimit = 10) => _exampleLimit = exampleLimit;

    public string Name => CheckerName;

    public Verdict Check(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        long unread = 0;
        var examples = new List<string>();
        history.Scan((outcome, read) => outcome == SendOutcome.Ok && !read, (producer, seq, _, _) =>
        {
            unread++;
            if (examples.Count < _exampleLimit) examples.Add($"p{producer}#{seq}");
        });
        var numbers = new Dictionary<string, double> { ["acked"] = history.TotalOk, ["acked-unread"] = unread, ["read"] = history.TotalConsumed };
        var summary = $"{history.TotalOk:N0} acknowledged, {unread:N0} of them not read yet, {history.TotalConsumed:N0} records read";
        if (unread == 0) return Verdict.Valid(Name, summary, numbers);
        var below = (long)new LostChecker().Check(history).Numbers["below-log-start"];
        numbers["below-log-start"] = below;
        if (below == 0) return Verdict.Invalid(Name, summary, numbers, examples);
        summary += $"; {below:N0} of the unread were {LossCauses.SkippedByCluster}, dropped by the target before a consumer got there";
        return below >= unread ? Verdict.Unknown(Name, summary, numbers, examples) : Verdict.Invalid(Name, summary, numbers, examples);
    }
}
