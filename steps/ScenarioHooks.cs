using KafkaResilience.Chaos.Scenario;
using Reqnroll;
using Reqnroll.BoDi;

namespace KafkaResilience.Steps;

/// <summary>
/// Around every scenario: first, the scenario's roles learn how to see it (<see cref="IScenarioScope"/> over the
/// running row); after it, whatever happened, every fault still active is healed, the workloads stop and the report is
/// attached.
/// </summary>
[Binding]
public sealed class ScenarioHooks
{
    [BeforeScenario(Order = int.MinValue)]
    public static void RegisterRoles(IObjectContainer scenario) => scenario.RegisterTypeAs<ScenarioScope, IScenarioScope>();

    [AfterScenario(Order = 0)]
    public static Task HealAndReport(ScenarioReport report) => report.FinishAsync();
}
