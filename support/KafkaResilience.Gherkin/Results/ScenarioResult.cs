namespace KafkaResilience.Gherkin.Results;

/// <summary>
/// A finished scenario: outcome (with the skip reason or the error), timing, every step and hook,
/// and the attachments its steps produced. Reporters read only this.
/// </summary>
public sealed record ScenarioResult(
    ScenarioInfo Scenario,
    ScenarioOutcome Outcome,
    string? SkipReason,
    Exception? Error,
    DateTimeOffset Start,
    DateTimeOffset Stop,
    IReadOnlyList<StepResult> Steps,
    IReadOnlyList<HookResult> Hooks,
    IReadOnlyList<Attachment> Attachments);
