using KafkaResilience.Chaos.Scenario;
using Reqnroll;
using Reqnroll.BoDi;

namespace KafkaResilience.Steps;

/// <summary>
/// Around every scenario: first, the scenario's roles learn how to see it (<see cref="IScenarioScope"/> over the
/// running row); after it, whatever happened, its one teardown (<see cref="ScenarioTeardown"/>: faults healed, workloads
/// stopped, report attached, cluster disposed).
/// </summary>
[Binding]
public sealed class ScenarioHooks
{
    [BeforeScenario(Order = int.MinValue)]
    public static void RegisterRoles(IObjectContainer scenario) => scenario.RegisterTypeAs<ScenarioScope, IScenarioScope>();

    [AfterScenario(Order = 0)]
    public static Task TearDown(ScenarioTeardown teardown) => teardown.RunAsync();
}
