namespace KafkaResilience.Chaos.Fit;

/// <summary>
/// Whether a scenario row can be judged honestly on a target, decided before it starts (see <see cref="ScenarioFit"/>):
/// the reasons it cannot be judged at all (the row is skipped with them), the steps that cannot be judged while the
/// rest can (each skipped at its turn with its reason, the row keeping the verdict of what ran), and the numbers the
/// decision was made from, for the row's output.
/// </summary>
public sealed record FitDecision(
    string TargetName,
    IReadOnlyList<string> RowReasons,
    IReadOnlyDictionary<int, string> StepReasons,
    IReadOnlyList<string> Facts)
{
    /// <summary>Why the whole row is skipped on this target (its numbers, every reason), or null when it runs.</summary>
    public string? SkipReason => RowReasons.Count == 0
        ? null
        : $"the {TargetName} target cannot judge this row: {string.Join("; ", RowReasons)}" +
          (StepReasons.Count > 0 ? $"; besides, {string.Join("; ", StepReasons.Values)}" : "");
}
