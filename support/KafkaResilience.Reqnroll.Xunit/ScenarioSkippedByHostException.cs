using Xunit.v3;

namespace KafkaResilience.Reqnroll.Xunit;

/// <summary>Turns a skipped scenario into an xUnit skip with its reason (xUnit's dynamic-skip message prefix).</summary>
public sealed class ScenarioSkippedByHostException(string reason) : Exception(DynamicSkipToken.Value + reason);
