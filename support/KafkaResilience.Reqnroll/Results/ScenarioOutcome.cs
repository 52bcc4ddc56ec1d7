namespace KafkaResilience.Reqnroll.Results;

/// <summary>How a scenario (or outline row) ended, as the test host and the reports show it.</summary>
public enum ScenarioOutcome
{
    Passed,
    Failed,
    /// <summary>Not run, or stopped at run time, with a reason (tag, profile, target capability).</summary>
    Skipped,
}
