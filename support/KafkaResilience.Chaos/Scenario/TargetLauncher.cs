using KafkaResilience.Cluster;
using KafkaResilience.Docker.Endpoint;
using KafkaResilience.Embedded;
using KafkaResilience.Targets;
using KafkaResilience.Targets.Selection;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// Starts the cluster a scenario asks for on the target <c>KAFKA_RESILIENCE_TARGET</c> selects (through
/// the Targets factory), or says in one sentence why it cannot run here (the scenario is then skipped
/// with that sentence) or why it failed to start (the scenario fails with it).
/// </summary>
public static class TargetLauncher
{
    /// <summary>
    /// The embedded cluster's <c>group.initial.rebalance.delay.ms</c> for scenarios: long enough that every
    /// consumer a step starts joins the group's first generation (on 2 cores, 100 ms was not: a second
    /// rebalance right after the first sometimes left a member's JoinGroup unanswered by the mock).
    /// </summary>
    public static readonly TimeSpan EmbeddedGroupInitialRebalanceDelay = TimeSpan.FromSeconds(1);

    public static async Task<(IKafkaCluster? Cluster, string? Unavailable, string Selection)> StartAsync(ClusterRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.BrokerIds.Count == 0 || request.BrokerIds.Distinct().Count() != request.BrokerIds.Count)
            throw new ArgumentException($"A cluster needs distinct broker ids (got {string.Join(", ", request.BrokerIds)}).", nameof(request));
        Func<string, string?> environment = Environment.GetEnvironmentVariable;
        var factory = new KafkaTargetFactory(environment,
            new DockerEndpointProbe(DockerEndpointProbe.DefaultCandidates(environment), TargetSelector.ProbeTimeout(environment)),
            new Dictionary<TargetKind, KafkaTargetFactory.ClusterStarter> { [TargetKind.Embedded] = StartEmbeddedAsync });
        var result = await factory.SelectAndStartAsync(request, cancellationToken).ConfigureAwait(false);
        if (result.IsStarted) return (result.Cluster, null, result.Selection.ToString());
        if (result.SkipReason is { } skip) return (null, skip, result.Selection.ToString());
        throw new InvalidOperationException($"The {result.Selection.TargetName} target failed to start: {result.Reason}");
    }

    private static async Task<IKafkaCluster> StartEmbeddedAsync(TargetSelection selection, ClusterRequest request, CancellationToken cancellationToken)
    {
        var options = new EmbeddedClusterOptions
        {
            BrokerIds = request.BrokerIds,
            Topics = request.Topics,
            UseFaultProxy = true,
            GroupInitialRebalanceDelay = EmbeddedGroupInitialRebalanceDelay,
        };
        if (request.DetectionDelay is { } delay) options = options with { DetectionDelay = delay };
        return await EmbeddedCluster.StartAsync(options, cancellationToken).ConfigureAwait(false);
    }
}
