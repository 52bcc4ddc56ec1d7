using KafkaResilience.Reqnroll.Running;
using KafkaResilience.Targets;
using Reqnroll;

namespace KafkaResilience.Steps;

/// <summary>
/// Before the run: the run's one target session (every scenario's cluster starts through it, so the target is selected
/// and probed once per run), and its choice with the reason (for example why <c>auto</c> fell back to embedded: "Docker
/// Engine 20.10.24 (API 1.41) ... is older than Testcontainers needs"), recorded once for the report
/// (environment.properties and the summary, key "target"). A wrong KAFKA_RESILIENCE_TARGET or
/// KAFKA_RESILIENCE_KAFKA_STACK fails the run here, naming the allowed values.
/// </summary>
[Binding]
public sealed class TargetHooks
{
    [BeforeTestRun(Order = int.MinValue)]
    public static async Task ChooseTarget(ITestRunContext run, RunReport report)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(report);
        var session = TargetSession.FromEnvironment();
        run.TestRunContainer.RegisterInstanceAs(session);
        var selection = await session.SelectAsync().ConfigureAwait(false);
        report.Run.Set("target", selection.ToString());
    }
}
