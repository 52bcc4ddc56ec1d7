namespace KafkaResilience.Reqnroll.Running;

/// <summary>A step could not be bound (undefined, ambiguous, a bad value for its parameter): its message says everything, so no stack trace is shown.</summary>
public sealed class StepBindingException(string message) : Exception(message);
