using KafkaResilience.Reqnroll.Running;
using KafkaResilience.Targets;
using Reqnroll;

namespace KafkaResilience.Steps;

/// <summary>
/// Before the run: the target choice, made the way every scenario makes it, with its reason (for example why
/// <c>auto</c> fell back to embedded: "Docker Engine 20.10.24 (API 1.41) ... is older than Testcontainers
/// needs"), recorded once for the report (environment.properties and the summary, key "target"). A wrong
/// KAFKA_RESILIENCE_TARGET or KAFKA_RESILIENCE_KAFKA_STACK fails the run here, naming the allowed values.
/// </summary>
[Binding]
public sealed class TargetHooks
{
    [BeforeTestRun]
    public static async Task RecordTargetChoice(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var selection = await KafkaTargetFactory.FromEnvironment().SelectAsync().ConfigureAwait(false);
        report.Run.Set("target", selection.ToString());
    }
}
