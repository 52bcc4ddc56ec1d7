using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// A control: the anomaly another checker looks for must be there (a read_uncommitted group reading aborted messages,
/// a planted defect). Valid exactly when the inner checker finds it (invalid), with the inner checker's numbers and
/// first records as evidence; invalid when it finds none, since the run then cannot show what it was meant to; unknown
/// when the inner checker could not decide. Proves the inner checker can fail on this run's history.
/// </summary>
public sealed class ExpectedAnomalyChecker : IChecker
{
    private readonly IChecker _inner;

    public ExpectedAnomalyChecker(IChecker inner) => _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    public string Name => _inner.Name + " (expected)";

    public Verdict Check(HistorySnapshot history)
    {
        var inner = _inner.Check(history);
        return inner.Validity switch
        {
            Validity.Invalid => Verdict.Valid(Name, "present, as expected: " + inner.Summary, inner.Numbers, inner.Examples),
            Validity.Valid => Verdict.Invalid(Name, "not present, though the scenario expects it: " + inner.Summary, inner.Numbers, inner.Examples),
            _ => Verdict.Unknown(Name, inner.Summary, inner.Numbers, inner.Examples),
        };
    }
}
