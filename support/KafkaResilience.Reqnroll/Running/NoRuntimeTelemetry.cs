using Reqnroll.Analytics;

namespace KafkaResilience.Reqnroll.Running;

/// <summary>
/// Reqnroll's run-time telemetry, switched off: by default it writes a user id file and sends a "project running" event
/// over the internet at every run, and the suite talks only to loopback and to hosts it creates.
/// </summary>
public sealed class NoRuntimeTelemetry : IAnalyticsRuntimeTelemetryService
{
    public void SendFeatureUseEvent(string featureName, Dictionary<string, string>? properties = null, Dictionary<string, double>? metrics = null)
    {
    }

    public void SendProjectRunningEvent()
    {
    }
}
