namespace KafkaResilience.Reqnroll.Running;

/// <summary>
/// Why a step was reported skipped without failing its scenario (skipped ahead, or not judged): Reqnroll's step
/// context carries it, so its Cucumber reports show the step skipped with the reason.
/// </summary>
public sealed class StepSkippedByHostException(string reason) : Exception(reason);
