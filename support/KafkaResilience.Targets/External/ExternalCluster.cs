using Confluent.Kafka;
using KafkaResilience.Cluster;
using KafkaResilience.Cluster.Toxiproxy;
using KafkaResilience.Cluster.Admin;

namespace KafkaResilience.Targets.External;

/// <summary>
/// A cluster someone else runs (for example <c>docker compose up</c> of this repository's
/// docker-compose.yml). Facts through the Admin API; faults only through an optional Toxiproxy
/// (proxy disabled = isolated from clients, toxics). It has no <see cref="IBrokerFaults"/>: the suite cannot reach
/// the brokers' processes, and the capabilities say so in words. Leadership changes are recorded (and raised on
/// <see cref="LeadershipChanged"/>) whenever a topic or a group's coordinator is described.
/// </summary>
public sealed class ExternalCluster : IKafkaCluster, IBrokerIsolation, IBrokerProxies
{
    private readonly ExternalClusterSettings _settings;
    private readonly KafkaAdminFacts _admin;
    private readonly ToxiproxyClient? _toxiproxy;
    private readonly LeadershipTracker _tracker = new();
    private readonly TimeProvider _time;

    private ExternalCluster(ExternalClusterSettings settings, KafkaAdminFacts admin, ToxiproxyClient? toxiproxy, IReadOnlyList<int> brokerIds, TimeProvider time)
    {
        _settings = settings;
        _admin = admin;
        _toxiproxy = toxiproxy;
        _time = time;
        BrokerIds = brokerIds;
        ClientSettings = settings.ClientSettings();
        Capabilities = ExternalCapabilities.Create(toxiproxy is not null);
    }

    /// <summary>
    /// Connects and reads the live brokers, bounded by <see cref="ExternalClusterSettings.ConnectTimeout"/>;
    /// throws <see cref="ExternalClusterUnreachableException"/> naming the address tried when nothing answers.
    /// </summary>
    public static async Task<ExternalCluster> ConnectAsync(ExternalClusterSettings settings, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var redactor = settings.Redactor();
        var admin = new KafkaAdminFacts(settings.BootstrapServers, settings.ClientSettings(), settings.ConnectTimeout);
        ToxiproxyClient? toxiproxy = null;
        try
        {
            IReadOnlyList<int> brokers;
            try
            {
                brokers = await admin.BrokersAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is KafkaException or TimeoutException)
            {
                throw new ExternalClusterUnreachableException(
                    $"The external Kafka cluster at {settings.BootstrapServers} did not answer a metadata request within {settings.ConnectTimeout.TotalMilliseconds:0} ms: {redactor.Redact(e.Message)}");
            }
            if (brokers.Count == 0)
                throw new ExternalClusterUnreachableException($"The external Kafka cluster at {settings.BootstrapServers} reported no brokers.");

            if (settings.ToxiproxyApi is { } api)
            {
                toxiproxy = new ToxiproxyClient(api, requestTimeout: settings.ConnectTimeout);
                try
                {
                    await toxiproxy.GetVersionAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    throw new ExternalClusterUnreachableException($"The Toxiproxy API at {api} did not answer GET /version: {e.Message}");
                }
            }
            return new ExternalCluster(settings, admin, toxiproxy, brokers, time ?? TimeProvider.System);
        }
        catch
        {
            toxiproxy?.Dispose();
            admin.Dispose();
            throw;
        }
    }

    public string TargetName => "external";

    public string Description => $"external: {_settings}";

    public IReadOnlyList<int> BrokerIds { get; }

    public string BootstrapServers => _settings.BootstrapServers;

    public IReadOnlyDictionary<string, string> ClientSettings { get; }

    public ClusterCapabilities Capabilities { get; }

    public Uri? ToxiproxyApi => _settings.ToxiproxyApi;

    public IReadOnlyList<LeadershipChange> LeadershipChanges => _tracker.Changes;

    public event Action<LeadershipChange>? LeadershipChanged
    {
        add => _tracker.Changed += value;
        remove => _tracker.Changed -= value;
    }

    public string ProxyNameOf(int brokerId) => _settings.ProxyNameOf(brokerId);

    public async Task CreateTopicAsync(TopicSpec topic, CancellationToken cancellationToken = default)
    {
        await _admin.CreateTopicAsync(topic, BrokerIds.Count, cancellationToken).ConfigureAwait(false);
        await DescribeTopicAsync(topic.Name, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TopicDescription> DescribeTopicAsync(string topic, CancellationToken cancellationToken = default)
    {
        var description = await _admin.DescribeTopicAsync(topic, cancellationToken).ConfigureAwait(false);
        _tracker.Observe(description, _time.GetUtcNow(), "observed through the Admin API");
        return description;
    }

    /// <summary>
    /// Each broker the cluster had at connection: down when the metadata no longer lists it, cut off from its clients
    /// when its Toxiproxy proxy is disabled; unknown when the metadata cannot be read. One metadata request (and one
    /// Toxiproxy request when there is one).
    /// </summary>
    public async Task<IReadOnlyList<BrokerStatus>> DescribeBrokersAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<int>? listed;
        try
        {
            listed = await _admin.BrokersAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is KafkaException or TimeoutException)
        {
            listed = null;
        }
        var disabled = new HashSet<string>(StringComparer.Ordinal);
        if (_toxiproxy is not null)
        {
            foreach (var proxy in await _toxiproxy.ListProxiesAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!proxy.Enabled) disabled.Add(proxy.Name);
            }
        }
        return [.. BrokerIds.Select(id =>
            listed is null ? new BrokerStatus(id, BrokerState.Unknown, "the metadata could not be read")
            : !listed.Contains(id) ? new BrokerStatus(id, BrokerState.Down, "not in the metadata")
            : disabled.Contains(ProxyNameOf(id)) ? new BrokerStatus(id, BrokerState.CutOff, "from its clients (its Toxiproxy proxy is disabled)")
            : new BrokerStatus(id, BrokerState.Up))];
    }

    /// <summary>Null: the ISR comes from Kafka's own Admin API.</summary>
    public string? InSyncReplicasNote => null;

    public async Task<int> GroupCoordinatorAsync(string groupId, CancellationToken cancellationToken = default)
    {
        var coordinator = await _admin.GroupCoordinatorAsync(groupId, cancellationToken).ConfigureAwait(false);
        _tracker.ObserveCoordinator(groupId, coordinator, _time.GetUtcNow(), "observed through the Admin API");
        return coordinator;
    }

    /// <summary>Always null: in KRaft a broker's DescribeCluster answer names a random broker, not the controller.</summary>
    public Task<int?> ControllerAsync(CancellationToken cancellationToken = default) => Task.FromResult<int?>(null);

    /// <summary>Disables the broker's Toxiproxy proxy (clients cut off); the brokers still replicate.</summary>
    public async Task IsolateAsync(int brokerId, CancellationToken cancellationToken = default)
    {
        var toxiproxy = _toxiproxy ?? throw new NotSupportedException(ExternalCapabilities.NoInjector);
        await toxiproxy.SetEnabledAsync(ProxyNameOf(brokerId), false, cancellationToken).ConfigureAwait(false);
    }

    public async Task HealAsync(int brokerId, CancellationToken cancellationToken = default)
    {
        var toxiproxy = _toxiproxy ?? throw new NotSupportedException(ExternalCapabilities.NoInjector);
        await toxiproxy.SetEnabledAsync(ProxyNameOf(brokerId), true, cancellationToken).ConfigureAwait(false);
    }

    public Task ElectPreferredLeadersAsync(string topic, CancellationToken cancellationToken = default) =>
        _admin.ElectPreferredLeadersAsync(topic, cancellationToken);

    public ValueTask DisposeAsync()
    {
        _toxiproxy?.Dispose();
        _admin.Dispose();
        return ValueTask.CompletedTask;
    }
}
