using System.Net;
using System.Text.RegularExpressions;
using Docker.DotNet;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Networks;
using KafkaResilience.Cluster;
using KafkaResilience.Cluster.Waiting;
using KafkaResilience.Cluster.Toxiproxy;
using KafkaResilience.Cluster.Admin;
using KafkaResilience.Docker.Containers;
using KafkaResilience.Docker.Definition;

namespace KafkaResilience.Docker;

/// <summary>
/// The docker target: N Apache Kafka nodes (KRaft, or Kafka 2.2 brokers on one ZooKeeper) and one
/// Toxiproxy on one network, under Testcontainers, exactly as <see cref="KafkaClusterDefinition"/>
/// describes them. Faults go through the Docker API (<see cref="ContainerFaults"/>: SIGKILL, stop/start,
/// pause/unpause, network disconnect/connect) and the Toxiproxy API (proxy disabled, toxics). Facts come
/// from Kafka itself: leaders, replicas and ISR from the Admin API; the active controller from the KRaft
/// quorum, or from metadata on ZooKeeper. Leadership changes are recorded by polling the Admin API every
/// <see cref="DockerClusterOptions.LeadershipPollInterval"/> (Kafka moves leaders by itself; the target
/// can only observe), so their timestamps are accurate to one interval; each is raised on <see cref="LeadershipChanged"/>
/// once, right after the poll or the call that observed it.
/// </summary>
public sealed class DockerCluster : IKafkaCluster, IBrokerFaults, IBrokerIsolation, IBrokerProxies, IZooKeeperFaults
{
    private readonly KafkaClusterDefinition _definition;
    private readonly DockerClusterOptions _options;
    private readonly PublishAddress _publishAddress;
    private readonly INetwork _network;
    private readonly IContainer _toxiproxy;
    private readonly IContainer? _zooKeeper;
    private readonly IReadOnlyDictionary<int, IContainer> _nodes;
    private readonly DockerClient _docker;
    private readonly ContainerFaults _faults;
    private readonly ToxiproxyClient _toxiproxyClient;
    private readonly KafkaAdminFacts _admin;
    private readonly LeadershipTracker _tracker = new();
    private readonly CancellationTokenSource _stopPolling = new();
    private readonly Task _poller;
    private readonly object _gate = new();
    private readonly HashSet<int> _isolatedFromClients = [];
    private readonly HashSet<int> _isolatedFromBrokers = [];
    private readonly HashSet<int> _paused = [];
    private bool _zooKeeperPaused;
    private string _lastFault = "none";
    private int _disposed;

    private DockerCluster(
        KafkaClusterDefinition definition,
        DockerClusterOptions options,
        PublishAddress publishAddress,
        INetwork network,
        IContainer toxiproxy,
        IContainer? zooKeeper,
        IReadOnlyDictionary<int, IContainer> nodes,
        DockerClient docker,
        ToxiproxyClient toxiproxyClient,
        KafkaAdminFacts admin)
    {
        _definition = definition;
        _options = options;
        _publishAddress = publishAddress;
        _network = network;
        _toxiproxy = toxiproxy;
        _zooKeeper = zooKeeper;
        _nodes = nodes;
        _docker = docker;
        _faults = new ContainerFaults(docker);
        _toxiproxyClient = toxiproxyClient;
        _admin = admin;
        _poller = Task.Run(() => PollLeadershipAsync(_stopPolling.Token));
    }

    /// <summary>
    /// Creates the network, starts Toxiproxy (ports on loopback for a local engine) and creates one proxy
    /// per broker through <c>/populate</c>, derives the brokers' advertised addresses from the host
    /// Testcontainers reports for Toxiproxy, starts ZooKeeper (ZooKeeper stack), then every Kafka node at
    /// once (a lone KRaft voter waits for a quorum), then waits until every broker is in the cluster's
    /// metadata. Everything started is removed again if any step fails.
    /// </summary>
    public static async Task<DockerCluster> StartAsync(KafkaClusterConfiguration configuration, DockerClusterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var planned = new KafkaClusterBuilder(configuration).Build();
        options ??= new DockerClusterOptions();
        options.Validate();
        var endpoint = options.DockerEndpoint
            ?? TestcontainersSettings.OS.DockerEndpointAuthConfig
            ?? throw new InvalidOperationException("Testcontainers found no Docker endpoint it can use (set DOCKER_HOST or start Docker).");
        var publishAddress = PublishAddress.For(endpoint.Endpoint, TestcontainersSettings.DockerHostOverride, File.Exists("/.dockerenv"));

        var started = new Stack<IAsyncDisposable>();
        var disposables = new Stack<IDisposable>();
        try
        {
            var network = KafkaContainerBuilders.Network(planned, endpoint).Build();
            await network.CreateAsync(cancellationToken).ConfigureAwait(false);
            started.Push(network);

            var toxiproxy = KafkaContainerBuilders.Toxiproxy(planned.Toxiproxy, network, endpoint, publishAddress, options.StartupTimeout).Build();
            started.Push(toxiproxy);
            await toxiproxy.StartAsync(cancellationToken).ConfigureAwait(false);

            var definition = DefinitionBehind(configuration, toxiproxy.Hostname, publishAddress);
            var api = new UriBuilder(Uri.UriSchemeHttp, toxiproxy.Hostname, toxiproxy.GetMappedPublicPort(definition.Toxiproxy.ApiPort)).Uri;
            var toxiproxyClient = new ToxiproxyClient(api);
            disposables.Push(toxiproxyClient);
            await toxiproxyClient.PopulateAsync(
                definition.Toxiproxy.Proxies.Select(p => new ToxiproxyProxySpec(p.Name, p.Listen, p.Upstream, p.Enabled)),
                cancellationToken).ConfigureAwait(false);

            IContainer? zooKeeper = null;
            if (definition.ZooKeeper is { } zooKeeperDefinition)
            {
                zooKeeper = KafkaContainerBuilders.ZooKeeper(zooKeeperDefinition, network, endpoint, options.StartupTimeout).Build();
                started.Push(zooKeeper);
                await zooKeeper.StartAsync(cancellationToken).ConfigureAwait(false);
            }

            var nodes = new Dictionary<int, IContainer>();
            foreach (var node in definition.Nodes)
            {
                var container = KafkaContainerBuilders.KafkaNode(node, network, endpoint, options.StartupTimeout).Build();
                started.Push(container);
                nodes[node.NodeId] = container;
            }
            await Task.WhenAll(nodes.Values.Select(c => c.StartAsync(cancellationToken))).ConfigureAwait(false);

            var admin = new KafkaAdminFacts(definition.BootstrapServers, new Dictionary<string, string>(), options.AdminRequestTimeout);
            disposables.Push(admin);
            await admin.WaitForBrokersAsync(definition.BrokerIds, options.StartupTimeout, cancellationToken).ConfigureAwait(false);

            var docker = endpoint.GetDockerClientBuilder(Guid.NewGuid()).Build();
            return new DockerCluster(definition, options, publishAddress, network, toxiproxy, zooKeeper, nodes, docker, toxiproxyClient, admin);
        }
        catch
        {
            while (disposables.TryPop(out var d))
                d.Dispose();
            while (started.TryPop(out var resource))
            {
                try
                {
                    await resource.DisposeAsync().ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // Best effort: the original failure is what the caller must see; Ryuk reaps the rest.
                }
            }
            throw;
        }
    }

    /// <summary>
    /// The definition the brokers are started with: each advertises the host Testcontainers reports for the
    /// Toxiproxy container (127.0.0.1 for a local engine; the remote host for DOCKER_HOST=tcp://...; the
    /// gateway in Docker-in-Docker), the host clients actually dial. Throws when that host could not reach
    /// ports published on loopback only.
    /// </summary>
    public static KafkaClusterDefinition DefinitionBehind(KafkaClusterConfiguration configuration, string toxiproxyHost, PublishAddress publishAddress)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(toxiproxyHost);
        ArgumentNullException.ThrowIfNull(publishAddress);
        if (publishAddress.HostIp is not null && !IsLoopback(toxiproxyHost))
            throw new InvalidOperationException(
                $"Testcontainers reports the Toxiproxy container at {toxiproxyHost}, but its ports are published on {publishAddress}; nothing there can reach them.");
        return new KafkaClusterBuilder(configuration).WithAdvertisedHost(toxiproxyHost).Build();
    }

    public string TargetName => "docker";

    public string Description => $"docker: {_definition} (Testcontainers, network {_network.Name}, ports published on {_publishAddress})";

    public IReadOnlyList<int> BrokerIds => _definition.BrokerIds;

    public string BootstrapServers => _definition.BootstrapServers;

    public IReadOnlyDictionary<string, string> ClientSettings { get; } = new Dictionary<string, string>();

    public ClusterCapabilities Capabilities { get; } = DockerCapabilities.Create();

    public Uri? ToxiproxyApi => _toxiproxyClient.ApiAddress;

    /// <summary>The definition the containers were built from.</summary>
    public KafkaClusterDefinition Definition => _definition;

    public IReadOnlyList<LeadershipChange> LeadershipChanges => _tracker.Changes;

    public event Action<LeadershipChange>? LeadershipChanged
    {
        add => _tracker.Changed += value;
        remove => _tracker.Changed -= value;
    }

    public string? WhyNoZooKeeper => _zooKeeper is null
        ? "the docker target runs the KRaft stack, which has no ZooKeeper (set KAFKA_RESILIENCE_KAFKA_STACK=zookeeper for the seed's Kafka 2.2 on ZooKeeper)"
        : null;

    public string ProxyNameOf(int brokerId) => _definition.Node(brokerId).ProxyName;

    public async Task CreateTopicAsync(TopicSpec topic, CancellationToken cancellationToken = default)
    {
        await _admin.CreateTopicAsync(topic, BrokerIds.Count, cancellationToken).ConfigureAwait(false);
        await DescribeTopicAsync(topic.Name, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TopicDescription> DescribeTopicAsync(string topic, CancellationToken cancellationToken = default)
    {
        var description = await _admin.DescribeTopicAsync(topic, cancellationToken).ConfigureAwait(false);
        _tracker.Observe(description, _options.TimeProvider.GetUtcNow(), ObservedCause());
        return description;
    }

    /// <summary>
    /// Each broker's container as the engine reports it (paused; not running: down, with its exit code), then the
    /// isolation this cluster applied (cut off from its clients, the other brokers, or both). One inspect per broker.
    /// </summary>
    public async Task<IReadOnlyList<BrokerStatus>> DescribeBrokersAsync(CancellationToken cancellationToken = default)
    {
        var statuses = new List<BrokerStatus>();
        foreach (var id in BrokerIds)
        {
            var state = await _faults.StateAsync(Node(id).Id, cancellationToken).ConfigureAwait(false);
            bool fromClients, fromBrokers;
            lock (_gate)
            {
                fromClients = _isolatedFromClients.Contains(id);
                fromBrokers = _isolatedFromBrokers.Contains(id);
            }
            statuses.Add(state.Paused ? new BrokerStatus(id, BrokerState.Paused)
                : !state.Running ? new BrokerStatus(id, BrokerState.Down, $"container exited with code {state.ExitCode}")
                : fromClients || fromBrokers ? new BrokerStatus(id, BrokerState.CutOff,
                    fromClients && fromBrokers ? "from its clients and the other brokers" : fromClients ? "from its clients" : "from the other brokers")
                : new BrokerStatus(id, BrokerState.Up));
        }
        return statuses;
    }

    /// <summary>Null: the ISR comes from Kafka's own Admin API.</summary>
    public string? InSyncReplicasNote => null;

    public async Task<int> GroupCoordinatorAsync(string groupId, CancellationToken cancellationToken = default)
    {
        var coordinator = await _admin.GroupCoordinatorAsync(groupId, cancellationToken).ConfigureAwait(false);
        _tracker.ObserveCoordinator(groupId, coordinator, _options.TimeProvider.GetUtcNow(), ObservedCause());
        return coordinator;
    }

    /// <summary>
    /// The active controller: on ZooKeeper the broker metadata names (it holds /controller); in KRaft the
    /// quorum leader, asked of the first node that is running and reachable (metadata would name a random broker).
    /// </summary>
    public async Task<int?> ControllerAsync(CancellationToken cancellationToken = default)
    {
        if (_definition.Stack == KafkaStack.ZooKeeper)
            return await _admin.ControllerAsync(cancellationToken).ConfigureAwait(false);

        int[] candidates;
        lock (_gate)
            candidates = BrokerIds.Where(id => !_paused.Contains(id) && !_isolatedFromBrokers.Contains(id)).ToArray();
        foreach (var id in candidates)
        {
            var container = _nodes[id];
            var state = await _faults.StateAsync(container.Id, cancellationToken).ConfigureAwait(false);
            if (!state.Running)
                continue;
            var result = await container.ExecAsync([.. MetadataQuorumStatus.Command(KafkaClusterDefaults.ControllerPort)], cancellationToken)
                .WaitAsync(_options.AdminRequestTimeout * 3, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode == 0 && MetadataQuorumStatus.ParseLeaderId(result.Stdout) is { } leader)
                return leader;
        }
        return null;
    }

    /// <summary>SIGKILL through the Docker API: no controlled shutdown, nothing flushed.</summary>
    public async Task KillAsync(int brokerId, CancellationToken cancellationToken = default)
    {
        await _faults.KillAsync(Node(brokerId).Id, cancellationToken).ConfigureAwait(false);
        Fault($"kill of broker {brokerId}");
    }

    /// <summary>SIGTERM (controlled shutdown hands leadership over), SIGKILL after <see cref="DockerClusterOptions.CleanStopGrace"/>.</summary>
    public async Task StopAsync(int brokerId, CancellationToken cancellationToken = default)
    {
        await _faults.StopAsync(Node(brokerId).Id, _options.CleanStopGrace, cancellationToken).ConfigureAwait(false);
        Fault($"clean stop of broker {brokerId}");
    }

    /// <summary>
    /// Starts the same container again (its log directory survives) and returns once the new process has
    /// logged that its broker started (a line stamped after this start; metadata alone lists a killed KRaft
    /// broker until its session times out) and the broker is in metadata. On ZooKeeper a broker first waits
    /// until its old session has expired: a Kafka 2.2 broker cannot register while its old node exists.
    /// </summary>
    public async Task StartAsync(int brokerId, CancellationToken cancellationToken = default)
    {
        var node = _definition.Node(brokerId);
        if (_definition.Stack == KafkaStack.ZooKeeper)
        {
            var session = _definition.DetectionDelay ?? KafkaClusterDefaults.ZooKeeperModeSessionTimeout;
            await _admin.WaitUntilGoneAsync(brokerId, session + TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        }
        var container = Node(brokerId);
        var previousEnd = await _faults.StartAsync(container.Id, cancellationToken).ConfigureAwait(false);
        await WaitForFreshStartAsync(container.Id, $"broker {brokerId}", node.StartedPattern, previousEnd, cancellationToken).ConfigureAwait(false);
        await _admin.WaitForBrokersAsync([brokerId], _options.StartupTimeout, cancellationToken).ConfigureAwait(false);
        Fault($"start of broker {brokerId}");
    }

    /// <summary>Freezes every process of the broker (cgroup freezer); connections stay open, nothing answers.</summary>
    public async Task PauseAsync(int brokerId, CancellationToken cancellationToken = default)
    {
        await _faults.PauseAsync(Node(brokerId).Id, cancellationToken).ConfigureAwait(false);
        lock (_gate)
            _paused.Add(brokerId);
        Fault($"pause of broker {brokerId}");
    }

    public async Task ResumeAsync(int brokerId, CancellationToken cancellationToken = default)
    {
        bool paused;
        lock (_gate)
            paused = _paused.Contains(brokerId);
        if (!paused)
            return;
        await _faults.UnpauseAsync(Node(brokerId).Id, cancellationToken).ConfigureAwait(false);
        lock (_gate)
            _paused.Remove(brokerId);
        Fault($"resume of broker {brokerId}");
    }

    /// <summary>Disables the broker's Toxiproxy proxy: clients are cut off (connections dropped), replication goes on.</summary>
    public async Task IsolateFromClientsAsync(int brokerId, CancellationToken cancellationToken = default)
    {
        await _toxiproxyClient.SetEnabledAsync(ProxyNameOf(brokerId), false, cancellationToken).ConfigureAwait(false);
        lock (_gate)
            _isolatedFromClients.Add(brokerId);
        Fault($"isolation of broker {brokerId} from clients");
    }

    public async Task HealFromClientsAsync(int brokerId, CancellationToken cancellationToken = default)
    {
        await _toxiproxyClient.SetEnabledAsync(ProxyNameOf(brokerId), true, cancellationToken).ConfigureAwait(false);
        lock (_gate)
            _isolatedFromClients.Remove(brokerId);
        Fault($"heal of broker {brokerId} towards clients");
    }

    /// <summary>
    /// Disconnects the broker from the cluster network: replication and controller (or ZooKeeper) traffic
    /// stop. The network is the only one, so Toxiproxy cannot reach it either: clients are cut off as well.
    /// </summary>
    public async Task IsolateFromBrokersAsync(int brokerId, CancellationToken cancellationToken = default)
    {
        await _faults.DisconnectAsync(_network.Name, Node(brokerId).Id, cancellationToken).ConfigureAwait(false);
        lock (_gate)
            _isolatedFromBrokers.Add(brokerId);
        Fault($"isolation of broker {brokerId} from the other brokers");
    }

    /// <summary>Reconnects the broker to the network under its alias, so the others resolve it again.</summary>
    public async Task HealFromBrokersAsync(int brokerId, CancellationToken cancellationToken = default)
    {
        await _faults.ReconnectAsync(_network.Name, Node(brokerId).Id, _definition.Node(brokerId).NetworkAlias, cancellationToken).ConfigureAwait(false);
        lock (_gate)
            _isolatedFromBrokers.Remove(brokerId);
        Fault($"heal of broker {brokerId} towards the other brokers");
    }

    /// <summary>Full isolation: from clients (proxy disabled) and from the other brokers (network disconnect).</summary>
    public async Task IsolateAsync(int brokerId, CancellationToken cancellationToken = default)
    {
        await IsolateFromClientsAsync(brokerId, cancellationToken).ConfigureAwait(false);
        await IsolateFromBrokersAsync(brokerId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Undoes whichever isolation is active for the broker.</summary>
    public async Task HealAsync(int brokerId, CancellationToken cancellationToken = default)
    {
        bool fromBrokers, fromClients;
        lock (_gate)
        {
            fromBrokers = _isolatedFromBrokers.Contains(brokerId);
            fromClients = _isolatedFromClients.Contains(brokerId);
        }
        if (fromBrokers)
            await HealFromBrokersAsync(brokerId, cancellationToken).ConfigureAwait(false);
        if (fromClients)
            await HealFromClientsAsync(brokerId, cancellationToken).ConfigureAwait(false);
    }

    public Task ElectPreferredLeadersAsync(string topic, CancellationToken cancellationToken = default) =>
        _admin.ElectPreferredLeadersAsync(topic, cancellationToken);

    public async Task KillZooKeeperAsync(CancellationToken cancellationToken = default)
    {
        await _faults.KillAsync(ZooKeeper().Id, cancellationToken).ConfigureAwait(false);
        Fault("kill of ZooKeeper");
    }

    /// <summary>Starts ZooKeeper again and returns once it has bound its client port afresh.</summary>
    public async Task StartZooKeeperAsync(CancellationToken cancellationToken = default)
    {
        var container = ZooKeeper();
        var previousEnd = await _faults.StartAsync(container.Id, cancellationToken).ConfigureAwait(false);
        await WaitForFreshStartAsync(container.Id, "ZooKeeper", _definition.ZooKeeper!.StartedPattern, previousEnd, cancellationToken).ConfigureAwait(false);
        Fault("start of ZooKeeper");
    }

    public async Task PauseZooKeeperAsync(CancellationToken cancellationToken = default)
    {
        await _faults.PauseAsync(ZooKeeper().Id, cancellationToken).ConfigureAwait(false);
        lock (_gate)
            _zooKeeperPaused = true;
        Fault("pause of ZooKeeper");
    }

    public async Task ResumeZooKeeperAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_zooKeeperPaused)
                return;
        }
        await _faults.UnpauseAsync(ZooKeeper().Id, cancellationToken).ConfigureAwait(false);
        lock (_gate)
            _zooKeeperPaused = false;
        Fault("resume of ZooKeeper");
    }

    /// <summary>Heals what is still broken (best effort), stops polling, removes containers and network.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await _stopPolling.CancelAsync().ConfigureAwait(false);
        try
        {
            await _poller.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The poller only reads; its end is not worth failing a teardown for.
        }

        string[] paused;
        lock (_gate)
        {
            paused = _paused.Select(id => _nodes[id].Id).ToArray();
            if (_zooKeeperPaused && _zooKeeper is not null)
                paused = [.. paused, _zooKeeper.Id];
        }
        foreach (var id in paused)
        {
            try
            {
                await _faults.UnpauseAsync(id).ConfigureAwait(false);
            }
            catch (DockerApiException)
            {
                // Removal below forces the container away anyway.
            }
        }

        _admin.Dispose();
        _toxiproxyClient.Dispose();
        foreach (var node in _nodes.Values)
            await node.DisposeAsync().ConfigureAwait(false);
        if (_zooKeeper is not null)
            await _zooKeeper.DisposeAsync().ConfigureAwait(false);
        await _toxiproxy.DisposeAsync().ConfigureAwait(false);
        await _network.DisposeAsync().ConfigureAwait(false);
        _docker.Dispose();
        _stopPolling.Dispose();
    }

    // Polls the container's timestamped logs until the new process logs its start line (after the previous one
    // ended); a container that exits instead fails at once with its last lines.
    private async Task WaitForFreshStartAsync(string containerId, string what, string startedPattern, DateTimeOffset previousEnd, CancellationToken cancellationToken)
    {
        var pattern = new Regex(startedPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var logs = string.Empty;
        await ConditionWait.UntilAsync(async ct =>
        {
            logs = await _faults.TimestampedLogsSinceAsync(containerId, previousEnd, ct).ConfigureAwait(false);
            if (StartEvidence.IsFresh(logs, previousEnd, pattern))
                return true;
            var state = await _faults.StateAsync(containerId, ct).ConfigureAwait(false);
            return state.Running
                ? false
                : throw new InvalidOperationException($"{what} exited with code {state.ExitCode} instead of starting; its last lines:\n{Tail(logs)}");
        }, _options.StartupTimeout, () => $"{what} did not log /{startedPattern}/ within {_options.StartupTimeout.TotalSeconds:0} s of its restart; its last lines:\n{Tail(logs)}",
            cancellationToken, TimeSpan.FromMilliseconds(250), _options.TimeProvider).ConfigureAwait(false);
    }

    private static string Tail(string logs) => string.Join("\n", logs.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(20));

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private IContainer Node(int brokerId) =>
        _nodes.TryGetValue(brokerId, out var container)
            ? container
            : throw new ArgumentOutOfRangeException(nameof(brokerId), brokerId, $"No broker {brokerId}; brokers are {string.Join(", ", BrokerIds)}.");

    private IContainer ZooKeeper() => _zooKeeper ?? throw new InvalidOperationException(WhyNoZooKeeper);

    private void Fault(string what)
    {
        lock (_gate)
            _lastFault = $"{what} at {_options.TimeProvider.GetUtcNow():HH:mm:ss.fff}";
    }

    private string ObservedCause()
    {
        lock (_gate)
            return $"observed through the Admin API; last fault: {_lastFault}";
    }

    private async Task PollLeadershipAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            foreach (var topic in _tracker.Topics)
            {
                try
                {
                    await DescribeTopicAsync(topic, stop).ConfigureAwait(false);
                }
                catch (Exception) when (!stop.IsCancellationRequested)
                {
                    // A broker being down makes single reads fail; the next poll tries again.
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            try
            {
                await Task.Delay(_options.LeadershipPollInterval, _options.TimeProvider, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
