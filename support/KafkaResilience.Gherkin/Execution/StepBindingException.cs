namespace KafkaResilience.Gherkin;

/// <summary>
/// A step could not be run for a reason the feature or the bindings must fix (undefined, ambiguous,
/// argument conversion, binding error); the message says what to do.
/// </summary>
public sealed class StepBindingException(string message, Exception? inner = null) : Exception(message, inner);
