using KafkaResilience.Gherkin.Results;

namespace KafkaResilience.Gherkin;

/// <summary>
/// One step of an expanded scenario (backgrounds included, outline values substituted), with the keyword
/// as written and its resolved meaning (And/But/* take the meaning of the step before).
/// </summary>
public sealed record ScenarioStep(
    string Keyword,
    StepKeyword ResolvedKeyword,
    string Text,
    int Line,
    DataTableRows? DataTable,
    DocStringArgument? DocString,
    bool FromBackground);
