namespace KafkaResilience.Reqnroll.Results;

/// <summary>
/// What identifies a scenario or outline row: its feature, rule, title, inherited tags (without '@'),
/// the example values of its row, and a stable id (file, line, row) that does not change between runs.
/// </summary>
public sealed record ScenarioRowInfo(
    string Id,
    string FeatureFile,
    string FeatureTitle,
    string? FeatureDescription,
    string? RuleTitle,
    string ScenarioTitle,
    string? ScenarioDescription,
    int Line,
    string Language,
    IReadOnlyList<string> Tags,
    IReadOnlyList<KeyValuePair<string, string>> ExampleValues)
{
    /// <summary>"Feature › Scenario" plus the example values, as the test host shows it.</summary>
    public string DisplayName => ExampleValues.Count == 0
        ? $"{FeatureTitle} › {ScenarioTitle}"
        : $"{FeatureTitle} › {ScenarioTitle} [{string.Join(", ", ExampleValues.Select(v => $"{v.Key}: {v.Value}"))}]";
}
