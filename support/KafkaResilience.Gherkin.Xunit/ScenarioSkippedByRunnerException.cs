using Xunit.v3;

namespace KafkaResilience.Gherkin.Xunit;

/// <summary>Turns a skipped scenario into an xUnit skip with its reason (xUnit's dynamic-skip message prefix).</summary>
public sealed class ScenarioSkippedByRunnerException(string reason) : Exception(DynamicSkipToken.Value + reason);
