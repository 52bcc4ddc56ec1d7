namespace KafkaResilience.Gherkin;

/// <summary>Thrown by a step that is not implemented yet; the step is reported Pending and the scenario fails.</summary>
public sealed class PendingStepException : Exception
{
    public PendingStepException()
        : base("The step is pending: its definition is not implemented yet.")
    {
    }

    public PendingStepException(string message)
        : base(message)
    {
    }
}
