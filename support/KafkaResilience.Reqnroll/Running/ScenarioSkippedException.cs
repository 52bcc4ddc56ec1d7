namespace KafkaResilience.Reqnroll.Running;

/// <summary>
/// Thrown (through <see cref="RunningScenario.Skip"/>) to stop a scenario at run time with a reason, e.g. "needs
/// Docker"; the host's runtime provider tells Reqnroll it is a skip, so the scenario is reported Skipped with that
/// reason, never Passed, and its later steps are skipped.
/// </summary>
public sealed class ScenarioSkippedException(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}
