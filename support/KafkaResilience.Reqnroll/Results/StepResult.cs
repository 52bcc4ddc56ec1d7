namespace KafkaResilience.Reqnroll.Results;

/// <summary>
/// One executed (or skipped) Gherkin step: the keyword as written and as resolved (And/But take the
/// meaning of the step before), its text after outline substitution, its arguments, outcome and timing, and the
/// parameters the step reported while it ran (a judged step's bound and measured value), in the order reported.
/// </summary>
public sealed record StepResult(
    string Keyword,
    string ResolvedKeyword,
    string Text,
    int Line,
    TableRows? DataTable,
    DocStringArgument? DocString,
    StepOutcome Outcome,
    string? Message,
    Exception? Error,
    DateTimeOffset Start,
    DateTimeOffset Stop,
    IReadOnlyList<Attachment> Attachments)
{
    /// <summary>What the step reported about itself (see <see cref="Running.RunningScenario.AddStepParameter"/>); empty for most steps.</summary>
    public IReadOnlyList<StepParameter> Parameters { get; init; } = [];
}
