using KafkaResilience.Cluster;
using KafkaResilience.Docker;
using KafkaResilience.Docker.Definition;
using KafkaResilience.Docker.Endpoint;
using KafkaResilience.Embedded;
using KafkaResilience.Targets.External;
using KafkaResilience.Targets.Selection;

namespace KafkaResilience.Targets;

/// <summary>
/// The one entry point the suite uses to get a cluster: <see cref="SelectAsync"/> decides the target
/// from <c>KAFKA_RESILIENCE_TARGET</c> (and says why), <see cref="StartAsync"/> starts it and returns a
/// <see cref="ClusterStartResult"/> instead of throwing when the target cannot run. Starters are
/// injectable for tests; the defaults start the embedded mock, the Testcontainers cluster, or connect
/// to the external one.
/// </summary>
public sealed class KafkaTargetFactory
{
    /// <summary>Starts a cluster of one kind for a request (given the selection, e.g. for the Docker endpoint).</summary>
    public delegate Task<IKafkaCluster> ClusterStarter(TargetSelection selection, ClusterRequest request, CancellationToken cancellationToken);

    private readonly Func<string, string?> _environment;
    private readonly TargetSelector _selector;
    private readonly IReadOnlyDictionary<TargetKind, ClusterStarter> _starters;

    public KafkaTargetFactory(Func<string, string?> environment, IDockerEndpointProbe dockerProbe, IReadOnlyDictionary<TargetKind, ClusterStarter>? starters = null)
    {
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));
        _selector = new TargetSelector(environment, dockerProbe);
        var all = new Dictionary<TargetKind, ClusterStarter>
        {
            [TargetKind.Embedded] = StartEmbeddedAsync,
            [TargetKind.Docker] = StartDockerAsync,
            [TargetKind.External] = StartExternalAsync,
        };
        foreach (var (kind, starter) in starters ?? new Dictionary<TargetKind, ClusterStarter>())
            all[kind] = starter;
        _starters = all;
    }

    /// <summary>The process environment and a real Docker probe.</summary>
    public static KafkaTargetFactory FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    public static KafkaTargetFactory FromEnvironment(Func<string, string?> environment) =>
        new(environment, new DockerEndpointProbe(DockerEndpointProbe.DefaultCandidates(environment), TargetSelector.ProbeTimeout(environment)));

    /// <summary>Which target, and why. Throws <see cref="TargetConfigurationException"/> for an unknown target name.</summary>
    public Task<TargetSelection> SelectAsync(CancellationToken cancellationToken = default) => _selector.SelectAsync(cancellationToken);

    /// <summary>
    /// Starts the selected target. Unavailable selection: returns Unavailable at once, nothing is tried.
    /// A selection that cannot run on the engine found (docker on an engine too old): Failed with its reason,
    /// nothing is tried. External settings invalid: throws <see cref="TargetConfigurationException"/> (a
    /// configuration error must stop the run). Anything else that goes wrong: Failed with the reason.
    /// </summary>
    public async Task<ClusterStartResult> StartAsync(TargetSelection selection, ClusterRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(request);
        if (selection.FailureReason is { } failure)
            return ClusterStartResult.Failed(selection, failure);
        if (selection.UnavailableReason is { } unavailable)
            return ClusterStartResult.Unavailable(selection, unavailable);
        if (selection.Kind == TargetKind.External)
            _ = ExternalClusterSettings.FromEnvironment(_environment);

        try
        {
            var cluster = await _starters[selection.Kind](selection, request, cancellationToken).ConfigureAwait(false);
            return ClusterStartResult.Started(selection, cluster);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TargetConfigurationException)
        {
            throw;
        }
        catch (Exception e)
        {
            return ClusterStartResult.Failed(selection, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Selects, then starts: the usual call at the start of a run.</summary>
    public async Task<ClusterStartResult> SelectAndStartAsync(ClusterRequest request, CancellationToken cancellationToken = default)
    {
        var selection = await SelectAsync(cancellationToken).ConfigureAwait(false);
        return await StartAsync(selection, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The embedded cluster's <c>group.initial.rebalance.delay.ms</c> for scenarios: long enough that every consumer a step
    /// starts joins the group's first generation (at 100 ms, a second rebalance right after the first sometimes left a
    /// member's JoinGroup unanswered by the mock).
    /// </summary>
    public static readonly TimeSpan EmbeddedGroupInitialRebalanceDelay = TimeSpan.FromSeconds(1);

    private static async Task<IKafkaCluster> StartEmbeddedAsync(TargetSelection selection, ClusterRequest request, CancellationToken cancellationToken)
    {
        var options = new EmbeddedClusterOptions
        {
            BrokerIds = request.BrokerIds,
            Topics = request.Topics,
            UseFaultProxy = true,
            GroupInitialRebalanceDelay = EmbeddedGroupInitialRebalanceDelay,
        };
        if (request.DetectionDelay is { } delay)
            options = options with { DetectionDelay = delay };
        return await EmbeddedCluster.StartAsync(options, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IKafkaCluster> StartDockerAsync(TargetSelection selection, ClusterRequest request, CancellationToken cancellationToken)
    {
        var configuration = DockerConfiguration(selection, request);
        var cluster = await DockerCluster.StartAsync(configuration, new DockerClusterOptions { DockerEndpoint = selection.DockerProbe?.Endpoint }, cancellationToken).ConfigureAwait(false);
        return await CreateTopicsAsync(cluster, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What the docker target starts for a request: the selection's stack, the scenario's broker ids, and its
    /// detection delay mapped onto the brokers' session settings (validated here: real Kafka takes 1 s to 5 min).
    /// </summary>
    public static KafkaClusterConfiguration DockerConfiguration(TargetSelection selection, ClusterRequest request)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(request);
        var builder = new KafkaClusterBuilder()
            .WithStack(selection.Stack)
            .WithBrokerIds([.. request.BrokerIds])
            .WithDetectionDelay(request.DetectionDelay);
        builder.Validate();
        return builder.Configuration;
    }

    private async Task<IKafkaCluster> StartExternalAsync(TargetSelection selection, ClusterRequest request, CancellationToken cancellationToken)
    {
        var cluster = await ExternalCluster.ConnectAsync(ExternalClusterSettings.FromEnvironment(_environment), cancellationToken: cancellationToken).ConfigureAwait(false);
        return await CreateTopicsAsync(cluster, request, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IKafkaCluster> CreateTopicsAsync(IKafkaCluster cluster, ClusterRequest request, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var topic in request.Topics)
                await cluster.CreateTopicAsync(topic, cancellationToken).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
