namespace KafkaResilience.Gherkin;

/// <summary>The scenario ran longer than its timeout (20 minutes, or the scenario's <c>@timeout:&lt;seconds&gt;</c> tag).</summary>
public sealed class ScenarioTimeoutException(string message) : Exception(message);
