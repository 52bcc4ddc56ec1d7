namespace KafkaResilience.Reqnroll.Results;

/// <summary>How one Gherkin step ended.</summary>
public enum StepOutcome
{
    Passed,
    Failed,
    /// <summary>Not run because an earlier step did not pass, or the scenario was skipped.</summary>
    Skipped,
    /// <summary>The binding said it is not implemented yet.</summary>
    Pending,
    /// <summary>No binding matches the step text.</summary>
    Undefined,
    /// <summary>More than one binding matches the step text.</summary>
    Ambiguous,
}
