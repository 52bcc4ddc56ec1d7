using KafkaResilience.Reqnroll.Xunit;
using KafkaResilience.Targets.External;
using KafkaResilience.Targets.Selection;

namespace KafkaResilience.Features;

/// <summary>
/// The target settings the scenarios read, checked when the host starts: <c>KAFKA_RESILIENCE_TARGET</c>, the
/// docker target's Kafka stack, the Docker probe timeout and, for the external target, its cluster settings.
/// A typo there would otherwise fail only the scenarios that run, and a filter that selects only skipped
/// ones would hide it.
/// </summary>
public sealed class TargetSettingsCheck : IHostConfigurationCheck
{
    public IReadOnlyList<string> Errors()
    {
        Func<string, string?> environment = Environment.GetEnvironmentVariable;
        var errors = new List<string>();
        Check(errors, () =>
        {
            if (TargetSelector.RequestedTarget(environment) == "external") ExternalClusterSettings.FromEnvironment(environment);
        });
        Check(errors, () => TargetSelector.RequestedStack(environment));
        Check(errors, () => TargetSelector.ProbeTimeout(environment));
        return errors;
    }

    private static void Check(List<string> errors, Action check)
    {
        try
        {
            check();
        }
        catch (TargetConfigurationException e)
        {
            errors.Add(e.Message);
        }
    }
}
