using KafkaResilience.Reqnroll.Catalog;
using KafkaResilience.Reqnroll.Results;

namespace KafkaResilience.Reqnroll.Tests.Harness;

/// <summary>What one harness run produced: every case, every result, every output line, what the run's listener heard.</summary>
public sealed record HostOutcome(IReadOnlyList<ScenarioCase> Cases, IReadOnlyList<ScenarioResult> Results, IReadOnlyList<string> Output, RecordingListener Listener)
{
    public ScenarioResult Single => Results.Should().ContainSingle().Subject;
}
