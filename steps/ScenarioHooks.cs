using KafkaResilience.Chaos.Scenario;
using KafkaResilience.Gherkin;

namespace KafkaResilience.Steps;

/// <summary>After every scenario, whatever happened: heal every fault still active, stop the workloads, attach the report.</summary>
[Binding]
public sealed class ScenarioHooks(ScenarioReport report)
{
    [AfterScenario(Order = 0)]
    public Task HealAndReport() => report.FinishAsync();
}
