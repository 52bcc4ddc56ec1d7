using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Networks;
using KafkaResilience.Cluster;
using KafkaResilience.Cluster.Toxiproxy;
using KafkaResilience.Docker.Admin;
using KafkaResilience.Docker.Containers;
using KafkaResilience.Docker.Definition;

namespace KafkaResilience.Docker;

/// <summary>
/// The docker target: three (or N) Apache Kafka KRaft nodes and one Toxiproxy on one network, under
/// Testcontainers, exactly as <see cref="KafkaKraftClusterDefinition"/> describes them. Faults go
/// through the Docker API (SIGKILL, stop/start, pause/unpause, network disconnect/connect) and the
/// Toxiproxy API (proxy disabled, toxics). Facts come from Kafka itself: leaders, replicas and ISR
/// from the Admin API, the active controller from the KRaft quorum. Leadership changes are recorded
/// by polling the Admin API every <see cref="DockerClusterOptions.LeadershipPollInterval"/> (Kafka
/// moves leaders by itself; the target can only observe), so their timestamps are accurate to one interval.
/// </summary>
public sealed class DockerCluster : IKafkaCluster
{
    private readonly KafkaKraftClusterDefinition _definition;
    private readonly DockerClusterOptions _options;
    private readonly INetwork _network;
    private readonly IContainer _toxiproxy;
    private readonly IReadOnlyDictionary<int, IContainer> _nodes;
    private readonly DockerClient _docker;
    private readonly ToxiproxyClient _toxiproxyClient;
    private readonly KafkaAdminFacts _admin;
    private readonly LeadershipTracker _tracker = new();
    private readonly CancellationTokenSource _stopPolling = new();
    private readonly Task _poller;
    private readonly object _gate = new();
    private readonly HashSet<int> _isolatedFromClients = [];
    private readonly HashSet<int> _isolatedFromBrokers = [];
    private readonly HashSet<int> _paused = [];
    private string _lastFault = "none";
    private int _disposed;

    private DockerCluster(
        KafkaKraftClusterDefinition definition,
        DockerClusterOptions options,
        INetwork network,
        IContainer toxiproxy,
        IReadOnlyDictionary<int, IContainer> nodes,
        DockerClient docker,
        ToxiproxyClient toxiproxyClient,
        KafkaAdminFacts admin)
    {
        _definition = definition;
        _options = options;
        _network = network;
        _toxiproxy = toxiproxy;
        _nodes = nodes;
        _docker = docker;
        _toxiproxyClient = toxiproxyClient;
        _admin = admin;
        _poller = Task.Run(() => PollLeadershipAsync(_stopPolling.Token));
    }

    /// <summary>
    /// Creates the network, starts Toxiproxy and creates one proxy per broker through <c>/populate</c>,
    /// starts every Kafka node at once (a lone KRaft voter waits for a quorum), then waits until every
    /// broker is in the cluster's metadata. Everything started is removed again if any step fails.
    /// </summary>
    public static async Task<DockerCluster> StartAsync(KafkaKraftClusterDefinition definition, DockerClusterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        options ??= new DockerClusterOptions();
        options.Validate();
        IDockerEndpointAuthenticationConfiguration endpoint = options.DockerEndpoint is { } uri
            ? new DockerEndpointAuthenticationConfiguration(uri)
            : TestcontainersSettings.OS.DockerEndpointAuthConfig
              ?? throw new InvalidOperationException("No Docker endpoint was found (set DOCKER_HOST or start Docker).");

        var started = new Stack<IAsyncDisposable>();
        var disposables = new Stack<IDisposable>();
        try
        {
            var network = KafkaKraftContainerBuilders.Network(definition, endpoint).Build();
            await network.CreateAsync(cancellationToken).ConfigureAwait(false);
            started.Push(network);

            var toxiproxy = KafkaKraftContainerBuilders.Toxiproxy(definition.Toxiproxy, network, endpoint, options.StartupTimeout).Build();
            started.Push(toxiproxy);
            await toxiproxy.StartAsync(cancellationToken).ConfigureAwait(false);

            var api = new Uri($"http://{toxiproxy.Hostname}:{toxiproxy.GetMappedPublicPort(definition.Toxiproxy.ApiPort)}/");
            var toxiproxyClient = new ToxiproxyClient(api);
            disposables.Push(toxiproxyClient);
            await toxiproxyClient.PopulateAsync(
                definition.Toxiproxy.Proxies.Select(p => new ToxiproxyProxySpec(p.Name, p.Listen, p.Upstream, p.Enabled)),
                cancellationToken).ConfigureAwait(false);

            var nodes = new Dictionary<int, IContainer>();
            foreach (var node in definition.Nodes)
            {
                var container = KafkaKraftContainerBuilders.KafkaNode(node, network, endpoint, options.StartupTimeout).Build();
                started.Push(container);
                nodes[node.NodeId] = container;
            }
            await Task.WhenAll(nodes.Values.Select(c => c.StartAsync(cancellationToken))).ConfigureAwait(false);

            var admin = new KafkaAdminFacts(definition.BootstrapServers, new Dictionary<string, string>(), options.AdminRequestTimeout);
            disposables.Push(admin);
            await admin.WaitForBrokersAsync(definition.BrokerIds, options.StartupTimeout, cancellationToken).ConfigureAwait(false);

            var docker = endpoint.GetDockerClientBuilder(Guid.NewGuid()).Build();
            return new DockerCluster(definition, options, network, toxiproxy, nodes, docker, toxiproxyClient, admin);
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

    public string TargetName => "docker";

    public string Description => $"docker: {_definition} (Testcontainers, network {_network.Name})";

    public IReadOnlyList<int> BrokerIds => _definition.BrokerIds;

    public string BootstrapServers => _definition.BootstrapServers;

    public IReadOnlyDictionary<string, string> ClientSettings { get; } = new Dictionary<string, string>();

    public ClusterCapabilities Capabilities { get; } = DockerCapabilities.Create();

    public Uri? ToxiproxyApi => _toxiproxyClient.ApiAddress;

    /// <summary>The definition the containers were built from.</summary>
    public KafkaKraftClusterDefinition Definition => _definition;

    public IReadOnlyList<LeadershipChange> LeadershipChanges => _tracker.Changes;

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

    public async Task<int> GroupCoordinatorAsync(string groupId, CancellationToken cancellationToken = default)
    {
        var coordinator = await _admin.GroupCoordinatorAsync(groupId, cancellationToken).ConfigureAwait(false);
        _tracker.ObserveCoordinator(groupId, coordinator, _options.TimeProvider.GetUtcNow(), ObservedCause());
        return coordinator;
    }

    /// <summary>The KRaft quorum leader, asked of the first node that is running and reachable.</summary>
    public async Task<int?> ControllerAsync(CancellationToken cancellationToken = default)
    {
        int[] candidates;
        lock (_gate)
            candidates = BrokerIds.Where(id => !_paused.Contains(id) && !_isolatedFromBrokers.Contains(id)).ToArray();
        foreach (var id in candidates)
        {
            var container = _nodes[id];
            var state = await _docker.Containers.InspectContainerAsync(container.Id, cancellationToken).ConfigureAwait(false);
            if (state.State?.Running != true)
                continue;
            var result = await container.ExecAsync([.. MetadataQuorumStatus.Command(KafkaKraftDefaults.ControllerPort)], cancellationToken)
                .WaitAsync(_options.AdminRequestTimeout * 3, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode == 0 && MetadataQuorumStatus.ParseLeaderId(result.Stdout) is { } leader)
                return leader;
        }
        return null;
    }

    /// <summary>SIGKILL through the Docker API: no controlled shutdown, nothing flushed.</summary>
    public async Task KillAsync(int brokerId, CancellationToken cancellationToken = default)
    {
        await _docker.Containers.KillContainerAsync(Node(brokerId).Id, new ContainerKillParameters { Signal = "KILL" }, cancellationToken).ConfigureAwait(false);
        Fault($"kill of broker {brokerId}");
    }

    /// <summary>SIGTERM (controlled shutdown hands leadership over), SIGKILL after <see cref="DockerClusterOptions.CleanStopGrace"/>.</summary>
    public async Task StopAsync(int brokerId, CancellationToken cancellationToken = default)
    {
        await _docker.Containers.StopContainerAsync(
            Node(brokerId).Id,
            new ContainerStopParameters { WaitBeforeKillSeconds = (uint)_options.CleanStopGrace.TotalSeconds },
            cancellationToken).ConfigureAwait(false);
        Fault($"clean stop of broker {brokerId}");
    }

    /// <summary>Starts the same container again (its log directory survives) and waits until the broker is back in metadata.</summary>
    public async Task StartAsync(int brokerId, CancellationToken cancellationToken = default)
    {
        await _docker.Containers.StartContainerAsync(Node(brokerId).Id, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
        await _admin.WaitForBrokersAsync([brokerId], _options.StartupTimeout, cancellationToken).ConfigureAwait(false);
        Fault($"start of broker {brokerId}");
    }

    /// <summary>Freezes every process of the broker (cgroup freezer); connections stay open, nothing answers.</summary>
    public async Task PauseAsync(int brokerId, CancellationToken cancellationToken = default)
    {
        await _docker.Containers.PauseContainerAsync(Node(brokerId).Id, cancellationToken).ConfigureAwait(false);
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
        await _docker.Containers.UnpauseContainerAsync(Node(brokerId).Id, cancellationToken).ConfigureAwait(false);
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
    /// Disconnects the broker from the cluster network: replication and controller traffic stop. The
    /// network is the only one, so Toxiproxy cannot reach it either: clients are cut off as well.
    /// </summary>
    public async Task IsolateFromBrokersAsync(int brokerId, CancellationToken cancellationToken = default)
    {
        await _docker.Networks.DisconnectNetworkAsync(
            _network.Name,
            new NetworkDisconnectParameters { Container = Node(brokerId).Id, Force = true },
            cancellationToken).ConfigureAwait(false);
        lock (_gate)
            _isolatedFromBrokers.Add(brokerId);
        Fault($"isolation of broker {brokerId} from the other brokers");
    }

    /// <summary>Reconnects the broker to the network under its alias, so the others resolve it again.</summary>
    public async Task HealFromBrokersAsync(int brokerId, CancellationToken cancellationToken = default)
    {
        await _docker.Networks.ConnectNetworkAsync(
            _network.Name,
            new NetworkConnectParameters
            {
                Container = Node(brokerId).Id,
                EndpointConfig = new EndpointSettings { Aliases = [_definition.Node(brokerId).NetworkAlias] },
            },
            cancellationToken).ConfigureAwait(false);
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

        int[] paused;
        lock (_gate)
            paused = [.. _paused];
        foreach (var id in paused)
        {
            try
            {
                await _docker.Containers.UnpauseContainerAsync(_nodes[id].Id).ConfigureAwait(false);
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
        await _toxiproxy.DisposeAsync().ConfigureAwait(false);
        await _network.DisposeAsync().ConfigureAwait(false);
        _docker.Dispose();
        _stopPolling.Dispose();
    }

    private IContainer Node(int brokerId) =>
        _nodes.TryGetValue(brokerId, out var container)
            ? container
            : throw new ArgumentOutOfRangeException(nameof(brokerId), brokerId, $"No broker {brokerId}; brokers are {string.Join(", ", BrokerIds)}.");

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
