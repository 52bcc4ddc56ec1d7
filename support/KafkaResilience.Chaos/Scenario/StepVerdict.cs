using System.Text.Json.Serialization;
using KafkaResilience.Reporting;
using KafkaResilience.Workloads.Checkers;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// The verdict of one judged step, as the report shows it: the step as written, what it expects (the bound),
/// what was measured (one line; the exact values are in <see cref="Verdict"/>'s numbers), the checker's
/// verdict, and, when it failed, the category the report files it under. The step fails exactly when the
/// verdict is not valid.
/// </summary>
public sealed record StepVerdict(string Step, string Expected, string Measured, Verdict Verdict, VerdictCategory? FailedAs)
{
    public Validity Validity => Verdict.Validity;

    [JsonIgnore]
    public bool Holds => Verdict.Validity == Validity.Valid;
}
