namespace KafkaResilience.Reqnroll.Results;

/// <summary>
/// A finished scenario: outcome (with the skip reason or the error), timing, every step and hook,
/// and the attachments its steps produced. Reporters read only this.
/// </summary>
public sealed record ScenarioResult(
    ScenarioRowInfo Scenario,
    ScenarioOutcome Outcome,
    string? SkipReason,
    Exception? Error,
    DateTimeOffset Start,
    DateTimeOffset Stop,
    IReadOnlyList<StepResult> Steps,
    IReadOnlyList<HookResult> Hooks,
    IReadOnlyList<Attachment> Attachments)
{
    /// <summary>
    /// Skipped only because its rows belong to another run profile (a <c>@full</c> row in a smoke run): not a
    /// limit of the target nor a failure, so reports count and show it apart.
    /// </summary>
    public bool NotInProfile { get; init; }
}
