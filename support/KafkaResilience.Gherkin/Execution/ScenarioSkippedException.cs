namespace KafkaResilience.Gherkin;

/// <summary>
/// Thrown (through <see cref="ScenarioContext.Skip"/>) to stop a scenario at run time with a reason, e.g.
/// "needs Docker"; the scenario is reported Skipped with that reason, never Passed.
/// </summary>
public sealed class ScenarioSkippedException(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}
