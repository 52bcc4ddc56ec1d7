using KafkaResilience.Cluster;
using KafkaResilience.Embedded;
using KafkaResilience.Targets.Selection;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// Starts the cluster a scenario asks for on the target <c>KAFKA_RESILIENCE_TARGET</c> selects, or
/// says in one sentence why it cannot (the scenario is then skipped with that sentence).
/// </summary>
public static class TargetLauncher
{
    /// <summary>The started cluster, or null and the reason the target is unavailable here.</summary>
    public static async Task<(IKafkaCluster? Cluster, string? Unavailable, string Selection)> StartAsync(ClusterRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var selection = await TargetSelector.FromEnvironment().SelectAsync(cancellationToken).ConfigureAwait(false);
        if (!selection.IsAvailable)
            return (null, selection.UnavailableReason, selection.ToString());
        switch (selection.Kind)
        {
            case TargetKind.Embedded:
                var options = new EmbeddedClusterOptions
                {
                    BrokerIds = request.BrokerIds,
                    DetectionDelay = request.DetectionDelay ?? EmbeddedClusterOptions.DefaultDetectionDelay,
                    UseFaultProxy = true,
                };
                var cluster = await EmbeddedCluster.StartAsync(options, cancellationToken).ConfigureAwait(false);
                return (cluster, null, selection.ToString());
            default:
                return (null, $"the {selection.TargetName} target cannot be started by the scenarios yet (no cluster factory for it in KafkaResilience.Targets)", selection.ToString());
        }
    }
}
