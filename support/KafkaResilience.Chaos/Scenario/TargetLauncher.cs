using KafkaResilience.Cluster;
using KafkaResilience.Docker.Endpoint;
using KafkaResilience.Embedded;
using KafkaResilience.Targets;
using KafkaResilience.Targets.Selection;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// Selects the target <c>KAFKA_RESILIENCE_TARGET</c> names (through the Targets factory) and says what its limits are
/// before anything starts; then starts the cluster a scenario asks for on it, or says in one sentence why it cannot
/// run here (the scenario is then skipped with that sentence) or why it failed to start (the scenario fails with it).
/// </summary>
public static class TargetLauncher
{
    /// <summary>
    /// The embedded cluster's <c>group.initial.rebalance.delay.ms</c> for scenarios: long enough that every
    /// consumer a step starts joins the group's first generation (on 2 cores, 100 ms was not: a second
    /// rebalance right after the first sometimes left a member's JoinGroup unanswered by the mock).
    /// </summary>
    public static readonly TimeSpan EmbeddedGroupInitialRebalanceDelay = TimeSpan.FromSeconds(1);

    /// <summary>Which target this run uses, and why (a wrong setting throws, naming the allowed values).</summary>
    public static Task<TargetSelection> SelectAsync(CancellationToken cancellationToken) => Factory().SelectAsync(cancellationToken);

    /// <summary>
    /// The limits of the selected target, known before a cluster starts: the embedded mock's bounded window per
    /// partition and in-process rate; none for the docker and external targets (real brokers, their own retention).
    /// </summary>
    public static CapabilityLimits LimitsOf(TargetSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return selection.Kind == TargetKind.Embedded ? EmbeddedCapabilities.Limits : CapabilityLimits.None;
    }

    public static async Task<(IKafkaCluster? Cluster, string? Unavailable)> StartAsync(TargetSelection selection, ClusterRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(request);
        if (request.BrokerIds.Count == 0 || request.BrokerIds.Distinct().Count() != request.BrokerIds.Count)
            throw new ArgumentException($"A cluster needs distinct broker ids (got {string.Join(", ", request.BrokerIds)}).", nameof(request));
        var result = await Factory().StartAsync(selection, request, cancellationToken).ConfigureAwait(false);
        if (result.IsStarted) return (result.Cluster, null);
        if (result.SkipReason is { } skip) return (null, skip);
        throw new InvalidOperationException($"The {result.Selection.TargetName} target failed to start: {result.Reason}");
    }

    private static KafkaTargetFactory Factory()
    {
        Func<string, string?> environment = Environment.GetEnvironmentVariable;
        return new KafkaTargetFactory(environment,
            new DockerEndpointProbe(DockerEndpointProbe.DefaultCandidates(environment), TargetSelector.ProbeTimeout(environment)),
            new Dictionary<TargetKind, KafkaTargetFactory.ClusterStarter> { [TargetKind.Embedded] = StartEmbeddedAsync });
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
