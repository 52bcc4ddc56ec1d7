using System.Text.Json.Serialization;
using KafkaResilience.Reporting;
using KafkaResilience.Workloads.Checkers;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// The verdict of one judged step, as the report shows it: the step as written, what it expects (the bound),
/// what was measured (one line; the exact values are in <see cref="Verdict"/>'s numbers), the acknowledged
/// messages not read counted by the cause the history proves, the checker's verdict, and, when it failed, the
/// category the report files it under. The step fails exactly when the verdict is not valid.
/// </summary>
public sealed record StepVerdict(string Step, string Expected, string Measured, Verdict Verdict, VerdictCategory? FailedAs)
{
    public Validity Validity => Verdict.Validity;

    /// <summary>Acknowledged messages not read, per cause (see <see cref="LossCauseNames"/>); only the causes that have some.</summary>
    public IReadOnlyDictionary<string, long> Causes { get; } = LossCauseNames.CountsIn(Verdict.Numbers);

    /// <summary>What the step shows beside it, in the report and the console: the bound, the measured value, and the counts by cause when there are any.</summary>
    [JsonIgnore]
    public IReadOnlyList<KeyValuePair<string, string>> Shown =>
        LossCauseNames.Describe(Causes) is { } causes
            ? [new("expected", Expected), new("measured", Measured), new("by cause", causes)]
            : [new("expected", Expected), new("measured", Measured)];

    [JsonIgnore]
    public bool Holds => Verdict.Validity == Validity.Valid;
}
