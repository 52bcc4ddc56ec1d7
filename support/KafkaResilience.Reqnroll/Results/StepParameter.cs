namespace KafkaResilience.Reqnroll.Results;

/// <summary>
/// A value a step reported about itself while it ran, shown beside it in the report and the console: what a
/// judged step expected and what was measured ("measured: stalled 2.5 s ..."). Never a secret.
/// </summary>
public sealed record StepParameter(string Name, string Value);
