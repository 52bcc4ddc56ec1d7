namespace KafkaResilience.Gherkin.Xunit;

/// <summary>Fails an xUnit test for a failed scenario; the message names the step (or hook), its line and why.</summary>
public sealed class ScenarioFailedException(string message, Exception? inner) : Exception(message, inner);
