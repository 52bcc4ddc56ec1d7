using System.Net;
using Confluent.Kafka;
using KafkaResilience.Cluster;
using KafkaResilience.Cluster.Waiting;
using KafkaResilience.Embedded.Controller;
using KafkaResilience.Embedded.Native;

namespace KafkaResilience.Embedded;

/// <summary>
/// A Kafka-protocol cluster inside the test process: librdkafka's mock cluster (in the process's one librdkafka
/// image, the one Confluent.Kafka's clients use too), with broker ids chosen by the scenario, deterministic replica placement, a controller
/// emulation that fails leadership and group coordinators over after <see cref="EmbeddedClusterOptions.DetectionDelay"/>,
/// and, optionally, a Toxiproxy-compatible fault proxy in front of every broker. Real clients connect over
/// TCP on 127.0.0.1. Every leadership change the emulation makes is raised on <see cref="LeadershipChanged"/> once the
/// operation that caused it has left the cluster's lock. Dispose every client first: teardown destroys the mock, then its host handle.
/// </summary>
public sealed class EmbeddedCluster : IKafkaCluster, IBrokerFaults, IBrokerIsolation, IBrokerProxies, ITransactionCoordinators
{
    /// <summary>Id of the broker <c>rd_kafka_mock_cluster_new</c> always creates; removed again unless the scenario asked for it.</summary>
    private const int BootstrapBrokerId = 1;

    /// <summary>Response delay that freezes a paused broker without a fault proxy (one hour: far beyond any scenario).</summary>
    private const int PauseRttMs = 3_600_000;

    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(10);

    private readonly object _gate = new();
    private readonly MockApi _api;
    private readonly IntPtr _host;
    private readonly IntPtr _cluster;
    private readonly EmbeddedClusterOptions _options;
    private readonly ControllerEmulation _controller;
    private readonly IReadOnlyDictionary<int, string> _listeners;
    private readonly Dictionary<int, BrokerCondition> _conditions;
    private readonly BrokerFrontEnds _frontEnds;
    private bool _disposed;

    private EmbeddedCluster(
        MockApi api, IntPtr host, IntPtr cluster, EmbeddedClusterOptions options,
        IReadOnlyList<int> mockBrokerOrder, IReadOnlyDictionary<int, string> listeners, BrokerFrontEnds frontEnds)
    {
        _api = api;
        _host = host;
        _cluster = cluster;
        _options = options;
        _listeners = listeners;
        _frontEnds = frontEnds;
        _conditions = options.BrokerIds.ToDictionary(id => id, _ => BrokerCondition.Running);
        _controller = new ControllerEmulation(options.BrokerIds, mockBrokerOrder, options.DetectionDelay,
            new MockControllerActions(api, cluster), options.TimeProvider);
        Capabilities = EmbeddedCapabilities.Missing(frontEnds.ApiAddress is not null);
        Description = $"embedded librdkafka {api.Version} mock cluster ({Path.GetFileName(api.LibraryPath)}), " +
                      $"brokers {string.Join(",", options.BrokerIds)}, detection delay {options.DetectionDelay.TotalSeconds:0.###} s" +
                      (frontEnds.ApiAddress is null ? ", no fault proxy" : ", behind Toxiproxy-compatible fault proxies");
    }

    /// <summary>Starts the mock brokers with the chosen ids, puts them behind fault proxies if asked, and creates the initial topics.</summary>
    public static async Task<EmbeddedCluster> StartAsync(EmbeddedClusterOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ct.ThrowIfCancellationRequested();

        var api = new MockApi();
        var host = IntPtr.Zero;
        var cluster = IntPtr.Zero;
        BrokerFrontEnds? frontEnds = null;
        try
        {
            host = api.NewHostHandle(new Dictionary<string, string>
            {
                ["client.id"] = "kafka-resilience-mock-host",
                ["log_level"] = "3",
            });
            cluster = api.ClusterNew(host, 1);
            if (cluster == IntPtr.Zero) throw new InvalidOperationException("rd_kafka_mock_cluster_new returned no cluster.");
            api.WakeThrough(Endpoints(api.Bootstraps(cluster).Split(',')));

            // The mock numbers its brokers 1..N. Ids of our choosing come from rd_kafka_mock_broker_add; broker 1
            // serves only to read the new brokers' listening ports from Metadata and is then decommissioned.
            var keepBootstrapBroker = options.BrokerIds.Contains(BootstrapBrokerId);
            var added = options.BrokerIds.Where(id => id != BootstrapBrokerId).ToArray();
            foreach (var id in added) api.BrokerAdd(cluster, id);
            var listeners = await ReadListenersAsync(api, api.Bootstraps(cluster), options.BrokerIds, ct).ConfigureAwait(false);
            api.WakeThrough(Endpoints(listeners.Values));
            if (!keepBootstrapBroker) api.BrokerDecommission(cluster, BootstrapBrokerId);
            IReadOnlyList<int> mockOrder = keepBootstrapBroker ? [BootstrapBrokerId, .. added] : added;

            api.GroupInitialRebalanceDelay(cluster, (int)options.GroupInitialRebalanceDelay.TotalMilliseconds);
            frontEnds = await BrokerFrontEnds.StartAsync(options, listeners, ct).ConfigureAwait(false);
            foreach (var (id, advertised) in frontEnds.Advertised)
            {
                var (advertisedHost, port) = SplitHostPort(advertised);
                api.BrokerSetHostPort(cluster, id, advertisedHost, port);
            }

            var result = new EmbeddedCluster(api, host, cluster, options, mockOrder, listeners, frontEnds);
            foreach (var topic in options.Topics) await result.CreateTopicAsync(topic, ct).ConfigureAwait(false);
            return result;
        }
        catch
        {
            if (frontEnds is not null) await frontEnds.DisposeAsync().ConfigureAwait(false);
            if (cluster != IntPtr.Zero) api.ClusterDestroy(cluster);
            if (host != IntPtr.Zero) api.DestroyHostHandle(host);
            api.Dispose();
            throw;
        }
    }

    public string TargetName => "embedded";

    public string Description { get; }

    public IReadOnlyList<int> BrokerIds => _options.BrokerIds;

    /// <summary>Client-facing addresses (the fault proxies' when there are any), in broker id order of the options.</summary>
    public string BootstrapServers => string.Join(",", _options.BrokerIds.Select(id => _frontEnds.Advertised[id]));

    public IReadOnlyDictionary<string, string> ClientSettings { get; } = new Dictionary<string, string>();

    public ClusterCapabilities Capabilities { get; }

    public Uri? ToxiproxyApi => _frontEnds.ApiAddress;

    /// <summary>The address each broker is advertised at (its proxy's, or its own listener without proxies).</summary>
    public IReadOnlyDictionary<int, string> AdvertisedAddresses => _frontEnds.Advertised;

    /// <summary>The mock broker's own listener (behind its proxy when there is one). Stable across kill and start.</summary>
    public string ListenerOf(int brokerId) => _listeners.TryGetValue(brokerId, out var address)
        ? address
        : throw UnknownBroker(brokerId);

    /// <summary>The librdkafka image the mock runs in (the process's one, shared with Confluent.Kafka's clients).</summary>
    public string NativeLibraryPath => _api.LibraryPath;

    /// <summary>The emulated <c>broker.session.timeout.ms</c>.</summary>
    public TimeSpan DetectionDelay => _options.DetectionDelay;

    public string ProxyNameOf(int brokerId) => _conditions.ContainsKey(brokerId) ? BrokerFrontEnds.ProxyName(brokerId) : throw UnknownBroker(brokerId);

    public IReadOnlyList<LeadershipChange> LeadershipChanges => _controller.Changes;

    public event Action<LeadershipChange>? LeadershipChanged
    {
        add => _controller.Changed += value;
        remove => _controller.Changed -= value;
    }

    /// <summary>What has been done to a broker (running, killed, stopped, paused, isolated).</summary>
    public BrokerCondition ConditionOf(int brokerId)
    {
        lock (_gate) return _conditions.TryGetValue(brokerId, out var c) ? c : throw UnknownBroker(brokerId);
    }

    /// <summary>Brokers the controller emulation considers alive (not fenced).</summary>
    public IReadOnlySet<int> AliveBrokers => _controller.Alive;

    public Task CreateTopicAsync(TopicSpec topic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        topic.Validate(_options.BrokerIds.Count);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfDisposed();
            if (_controller.HasTopic(topic.Name)) throw new InvalidOperationException($"Topic {topic.Name} already exists.");
            _api.TopicCreate(_cluster, topic.Name, topic.Partitions, topic.ReplicationFactor);
            _controller.AddTopic(topic);
        }
        return Task.CompletedTask;
    }

    public Task<TopicDescription> DescribeTopicAsync(string topic, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ThrowIfDisposed();
        return Task.FromResult(_controller.Describe(topic));
    }

    /// <summary>
    /// Each broker by what was done to it (killed or stopped: down; paused; isolated: cut off from its clients), with
    /// "fenced" added when the controller emulation has fenced it. Read from memory: costs no request.
    /// </summary>
    public Task<IReadOnlyList<BrokerStatus>> DescribeBrokersAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var alive = _controller.Alive;
        lock (_gate)
        {
            IReadOnlyList<BrokerStatus> statuses = [.. _options.BrokerIds.Select(id => StatusOf(id, _conditions[id], alive.Contains(id)))];
            return Task.FromResult(statuses);
        }
    }

    /// <summary>The mock keeps one copy of each partition, so the ISR it reports is the emulation's view.</summary>
    public string? InSyncReplicasNote =>
        "the embedded mock does not replicate: its ISR is the controller emulation's view (the replicas on brokers it has not fenced), not a measured one";

    /// <summary>
    /// The coordinator of a consumer group. The group is registered with the controller emulation on
    /// the first call, so its coordinator is moved off a lost broker from then on: ask before faults.
    /// </summary>
    public Task<int> GroupCoordinatorAsync(string groupId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        ThrowIfDisposed();
        try
        {
            return Task.FromResult(_controller.CoordinatorOf(groupId));
        }
        finally
        {
            _controller.AnnounceChanges();
        }
    }

    /// <summary>
    /// The coordinator of a transactional.id, registered with the controller emulation on the first call (as a group's
    /// is), so it is moved off a lost broker from then on: a transactional workload asks before it begins.
    /// </summary>
    public Task<int> TransactionCoordinatorAsync(string transactionalId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transactionalId);
        ThrowIfDisposed();
        try
        {
            return Task.FromResult(_controller.TransactionCoordinatorOf(transactionalId));
        }
        finally
        {
            _controller.AnnounceChanges();
        }
    }

    /// <summary>Always null: the mock has no controller process (see <see cref="Capability.ControllerFailover"/>).</summary>
    public Task<int?> ControllerAsync(CancellationToken cancellationToken = default) => Task.FromResult<int?>(null);

    public Task KillAsync(int brokerId, CancellationToken cancellationToken = default) => ChangeAsync(() =>
    {
        var condition = Condition(brokerId);
        if (condition is BrokerCondition.Killed or BrokerCondition.Stopped) return;
        _api.BrokerSetDown(_cluster, brokerId);
        if (condition == BrokerCondition.Paused) _api.BrokerSetRtt(_cluster, brokerId, 0);
        _frontEnds.DropConnections(brokerId);
        _conditions[brokerId] = BrokerCondition.Killed;
        _controller.BrokerUnreachable(brokerId, "killed");
    });

    public Task StopAsync(int brokerId, CancellationToken cancellationToken = default) => ChangeAsync(() =>
    {
        var condition = Condition(brokerId);
        if (condition is BrokerCondition.Killed or BrokerCondition.Stopped) return;
        _controller.ControlledShutdown(brokerId);
        _api.BrokerSetDown(_cluster, brokerId);
        if (condition == BrokerCondition.Paused) _api.BrokerSetRtt(_cluster, brokerId, 0);
        _frontEnds.DropConnections(brokerId);
        _conditions[brokerId] = BrokerCondition.Stopped;
    });

    /// <summary>Undoes kill, stop, pause or isolation: the broker answers again; leadership stays where it is.</summary>
    public Task StartAsync(int brokerId, CancellationToken cancellationToken = default) => ChangeAsync(() =>
    {
        var condition = Condition(brokerId);
        switch (condition)
        {
            case BrokerCondition.Running:
                return;
            case BrokerCondition.Killed or BrokerCondition.Stopped:
                _api.BrokerSetUp(_cluster, brokerId);
                break;
            case BrokerCondition.Paused when _frontEnds.HasProxies:
                _frontEnds.SetFrozen(brokerId, false);
                break;
            case BrokerCondition.Paused:
                _api.BrokerSetRtt(_cluster, brokerId, 0);
                break;
            case BrokerCondition.Isolated:
                Reconnect(brokerId);
                break;
        }
        _conditions[brokerId] = BrokerCondition.Running;
        _controller.BrokerReachable(brokerId);
    });

    /// <summary>
    /// Freezes the broker the way SIGSTOP does: connections stay open, and until <see cref="ResumeAsync"/> its fault
    /// proxy holds every byte both ways, so requests reach the broker only on the resume, as a stopped process reads
    /// its sockets only when it runs again. Without proxies the mock delays every response of the broker instead (it
    /// reads and applies requests at once, and its write timer stays armed for the hour after the resume, which holds
    /// the next delayed response, e.g. an empty fetch, until the client's socket.timeout.ms).
    /// A pause longer than the detection delay fences the broker and moves its leadership.
    /// </summary>
    public Task PauseAsync(int brokerId, CancellationToken cancellationToken = default) => ChangeAsync(() =>
    {
        var condition = Condition(brokerId);
        if (condition == BrokerCondition.Paused) return;
        RequireRunning(brokerId, condition, "pause");
        if (_frontEnds.HasProxies) _frontEnds.SetFrozen(brokerId, true);
        else _api.BrokerSetRtt(_cluster, brokerId, PauseRttMs);
        _conditions[brokerId] = BrokerCondition.Paused;
        _controller.BrokerUnreachable(brokerId, "paused");
    });

    public Task ResumeAsync(int brokerId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var condition = Condition(brokerId);
            if (condition == BrokerCondition.Running) return Task.CompletedTask;
            if (condition != BrokerCondition.Paused)
                throw new InvalidOperationException($"Broker {brokerId} is {condition}, not Paused: use StartAsync to bring it back.");
        }
        return StartAsync(brokerId, cancellationToken);
    }

    /// <summary>
    /// Cuts the broker off from its clients: its fault proxy is disabled (connections closed, nothing
    /// accepted); without proxies its listener is closed. The mock has no inter-broker traffic to cut.
    /// </summary>
    public Task IsolateAsync(int brokerId, CancellationToken cancellationToken = default) => ChangeAsync(() =>
    {
        var condition = Condition(brokerId);
        if (condition == BrokerCondition.Isolated) return;
        RequireRunning(brokerId, condition, "isolate");
        if (_frontEnds.HasProxies) _frontEnds.SetEnabled(brokerId, false);
        else _api.BrokerSetDown(_cluster, brokerId);
        _conditions[brokerId] = BrokerCondition.Isolated;
        _controller.BrokerUnreachable(brokerId, "isolated");
    });

    public Task HealAsync(int brokerId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var condition = Condition(brokerId);
            if (condition == BrokerCondition.Running) return Task.CompletedTask;
            if (condition != BrokerCondition.Isolated)
                throw new InvalidOperationException($"Broker {brokerId} is {condition}, not Isolated: use StartAsync to bring it back.");
        }
        return StartAsync(brokerId, cancellationToken);
    }

    public Task ElectPreferredLeadersAsync(string topic, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ThrowIfDisposed();
        try
        {
            _controller.ElectPreferredLeaders(topic);
        }
        finally
        {
            _controller.AnnounceChanges();
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Makes the next requests of one kind (Kafka ApiKey, e.g. 0 = Produce) fail with the given errors,
    /// one error per request, cluster-wide. <see cref="ErrorCode.Local_Transport"/> closes the connection instead.
    /// </summary>
    public void InjectRequestErrors(short apiKey, IReadOnlyList<ErrorCode> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ThrowIfDisposed();
        _api.PushRequestErrors(_cluster, apiKey, errors.Select(e => (int)e).ToArray());
    }

    /// <summary>Heal of <see cref="InjectRequestErrors"/>: drops the errors not yet consumed.</summary>
    public void ClearRequestErrors(short apiKey)
    {
        ThrowIfDisposed();
        _api.ClearRequestErrors(_cluster, apiKey);
    }

    /// <summary>Tears down: failover timers, the mock cluster, the fault proxies, then the mock's host handle. Dispose clients before.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
        }
        _controller.Dispose();
        try
        {
            // The mock goes first: it closes the proxies' upstream sockets, so every proxy pump sees EOF and ends.
            _api.ClusterDestroy(_cluster);
        }
        finally
        {
            try
            {
                await _frontEnds.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                // Whatever the proxies did, the host handle (and its rdk:main thread) must not outlive the cluster.
                _api.DestroyHostHandle(_host);
                _api.Dispose();
            }
        }
    }

    /// <summary>
    /// Applies a change to the brokers under the cluster's lock, then announces the leadership changes it made once the
    /// lock is released (also when it threw: what was recorded happened), so listeners never run under it.
    /// </summary>
    private Task ChangeAsync(Action change)
    {
        try
        {
            lock (_gate) change();
        }
        finally
        {
            _controller.AnnounceChanges();
        }
        return Task.CompletedTask;
    }

    private void Reconnect(int brokerId)
    {
        if (_frontEnds.HasProxies) _frontEnds.SetEnabled(brokerId, true);
        else _api.BrokerSetUp(_cluster, brokerId);
    }

    private BrokerCondition Condition(int brokerId)
    {
        ThrowIfDisposed();
        return _conditions.TryGetValue(brokerId, out var c) ? c : throw UnknownBroker(brokerId);
    }

    private static BrokerStatus StatusOf(int brokerId, BrokerCondition condition, bool alive)
    {
        var fenced = alive ? null : "fenced by the controller emulation";
        string? With(string what) => fenced is null ? what : $"{what}, {fenced}";
        return condition switch
        {
            BrokerCondition.Killed => new BrokerStatus(brokerId, BrokerState.Down, With("killed")),
            BrokerCondition.Stopped => new BrokerStatus(brokerId, BrokerState.Down, With("stopped cleanly")),
            BrokerCondition.Paused => new BrokerStatus(brokerId, BrokerState.Paused, fenced),
            BrokerCondition.Isolated => new BrokerStatus(brokerId, BrokerState.CutOff, With("from its clients")),
            _ => new BrokerStatus(brokerId, BrokerState.Up, fenced),
        };
    }

    private static void RequireRunning(int brokerId, BrokerCondition condition, string operation)
    {
        if (condition != BrokerCondition.Running)
            throw new InvalidOperationException($"Cannot {operation} broker {brokerId}: it is {condition}; start it first.");
    }

    private ArgumentOutOfRangeException UnknownBroker(int brokerId) =>
        new(nameof(brokerId), brokerId, $"No broker {brokerId} in this cluster. Brokers: {string.Join(", ", _options.BrokerIds)}.");

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private static IReadOnlyList<IPEndPoint> Endpoints(IEnumerable<string> addresses) =>
        [.. addresses.Select(a => IPEndPoint.Parse(a.Trim()))];

    private static (string Host, int Port) SplitHostPort(string address)
    {
        var colon = address.LastIndexOf(':');
        return (address[..colon], int.Parse(address[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Reads each broker's listener from a Metadata response (the mock has no call that returns a broker's port).</summary>
    private static async Task<IReadOnlyDictionary<int, string>> ReadListenersAsync(MockApi api, string bootstrap, IReadOnlyList<int> brokerIds, CancellationToken ct)
    {
        // A bare client handle asks for Metadata (no admin client: nothing to poll, freed at once); it logs nothing.
        var client = api.NewHostHandle(new Dictionary<string, string>
        {
            ["bootstrap.servers"] = bootstrap,
            ["client.id"] = "kafka-resilience-mock-setup",
            ["log.connection.close"] = "false",
            ["log_level"] = "0",
        });
        try
        {
            IReadOnlyList<(int Id, string Host, int Port)>? last = null;
            IReadOnlyDictionary<int, string> found = new Dictionary<int, string>();
            await ConditionWait.UntilAsync(async token =>
                {
                    last = await Task.Run(() => api.Brokers(client, (int)MetadataTimeout.TotalMilliseconds), token).ConfigureAwait(false);
                    found = (last ?? []).Where(b => brokerIds.Contains(b.Id)).ToDictionary(b => b.Id, b => $"{b.Host}:{b.Port}");
                    return found.Count == brokerIds.Count;
                },
                MetadataTimeout,
                () => $"The mock cluster did not list brokers {string.Join(",", brokerIds)} in Metadata (last saw: {string.Join(",", last?.Select(b => b.Id) ?? [])})",
                ct, TimeSpan.FromMilliseconds(100)).ConfigureAwait(false);
            return found;
        }
        finally
        {
            api.DestroyHostHandle(client);
        }
    }
}
