namespace KafkaResilience.Gherkin;

/// <summary>The outcome of looking a step up: one binding with its captured texts, none, or several.</summary>
internal sealed record StepMatch(
    StepDefinitionBinding? Binding,
    IReadOnlyList<string> Values,
    IReadOnlyList<StepDefinitionBinding> Candidates);
