using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// The consumers have read every acknowledged record so far (none acknowledged and still unread). Judged when a
/// wait for them to catch up ended; loss is a separate judgement (<see cref="LostChecker"/>, after everything stopped).
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
        return unread == 0 ? Verdict.Valid(Name, summary, numbers) : Verdict.Invalid(Name, summary, numbers, examples);
    }
}
