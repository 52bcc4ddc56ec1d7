using System.Globalization;
using KafkaResilience.Chaos.Faults;
using KafkaResilience.Chaos.Network;
using KafkaResilience.Chaos.Timeline;
using KafkaResilience.Cluster;
using KafkaResilience.Cluster.Toxiproxy;
using KafkaResilience.Gherkin;
using KafkaResilience.Targets;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// Everything one scenario owns (injected per scenario into the step classes, disposed after it):
/// its cluster on the selected target, its topics, the workloads and their history, the nemesis and
/// its fault timeline, and what gets judged and attached at the end. Steps are one call into it.
/// A target that cannot do what the scenario needs skips the scenario with the target's reason.
/// </summary>
public sealed partial class ScenarioWorld : IAsyncDisposable
{
    /// <summary>Bytes a partition of a target without unbounded retention is trusted to keep (the mock keeps ~5 MiB).</summary>
    public const long BoundedRetentionBytesPerPartition = 4_500_000;

    /// <summary>Per-record overhead assumed when estimating what a topic must keep (batch and record headers).</summary>
    public const int RecordOverheadBytes = 20;

    private readonly ScenarioContext _scenario;
    private readonly TestRunContext _run;
    private readonly List<(string Name, int Partitions)> _topics = [];
    private readonly Dictionary<string, IReadOnlyDictionary<int, int?>> _leadersBeforeFaults = new(StringComparer.Ordinal);
    private readonly FaultTimeline _timeline = new();
    private IKafkaCluster? _cluster;
    private MetadataBrokerProbe? _probe;
    private ToxiproxyClient? _toxiproxyClient;
    private Nemesis? _nemesis;
    private HistoryLedger? _ledger;

    public ScenarioWorld(ScenarioContext scenario, TestRunContext run)
    {
        _scenario = scenario ?? throw new ArgumentNullException(nameof(scenario));
        _run = run ?? throw new ArgumentNullException(nameof(run));
    }

    /// <summary>The scenario's cluster; a step that needs one before "Given a cluster of brokers ..." fails saying so.</summary>
    public IKafkaCluster Cluster => _cluster ?? throw new InvalidOperationException(
        "This step needs a cluster: start the scenario (or its Background) with \"Given a cluster of brokers 105, 106 and 108\".");

    public Nemesis Nemesis => _nemesis ?? throw new InvalidOperationException("No cluster yet, so no faults can be injected.");

    public FaultTimeline Timeline => _timeline;

    /// <summary>The history every workload of the scenario records into.</summary>
    public HistoryLedger Ledger => _ledger ?? throw new InvalidOperationException("No cluster yet, so nothing is recorded.");

    private CancellationToken Token => _scenario.CancellationToken;

    /// <summary>Writes a line to the scenario's output (shown between the steps).</summary>
    public void Say(string line) => _scenario.Output(line);

    /// <summary>Starts the cluster on the selected target, or skips the scenario with the reason it cannot run here.</summary>
    public async Task StartClusterAsync(ClusterRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_cluster is not null) throw new InvalidOperationException("The scenario already has a cluster.");
        var (cluster, unavailable, selection) = await TargetLauncher.StartAsync(request, Token).ConfigureAwait(false);
        Say(selection);
        if (cluster is null) _scenario.Skip(unavailable ?? "the target is unavailable");
        _cluster = cluster!;
        Say($"Cluster: {_cluster.Description}");
        if (CapabilityTags.WhyNot(_cluster, _scenario.Tags) is { } reason)
            _scenario.Skip($"the {_cluster.TargetName} target cannot model this scenario: {reason}");
        _ledger = new HistoryLedger();
        _probe = new MetadataBrokerProbe(_cluster);
        IToxiproxy? toxiproxy = null;
        if (_cluster.ToxiproxyApi is { } api)
        {
            _toxiproxyClient = new ToxiproxyClient(api);
            toxiproxy = new ToxiproxyClientAdapter(_toxiproxyClient);
        }
        _nemesis = new Nemesis(new FaultContext(_cluster, toxiproxy, _probe, _timeline));
        var marks = new Dictionary<IFault, FaultMark>();
        _nemesis.Injected += fault => { lock (marks) marks[fault] = Ledger.BeginFault(fault.Description, string.Join(",", fault.ResolvedBrokers)); };
        _nemesis.Healed += fault =>
        {
            lock (marks)
            {
                if (marks.Remove(fault, out var mark)) Ledger.EndFault(mark);
            }
        };
    }

    /// <summary>Creates a topic and remembers its initial leaders.</summary>
    public async Task CreateTopicAsync(string name, int partitions, int replicationFactor)
    {
        var spec = new TopicSpec(name, partitions, replicationFactor);
        spec.Validate(Cluster.BrokerIds.Count);
        await Cluster.CreateTopicAsync(spec, Token).ConfigureAwait(false);
        lock (_topics) _topics.Add((name, partitions));
    }

    /// <summary>Creates <paramref name="count"/> topics named prefix1 .. prefixN.</summary>
    public async Task CreateTopicsAsync(int count, string prefix, int partitions, int replicationFactor)
    {
        if (count is < 1 or > 10_000) throw new ArgumentOutOfRangeException(nameof(count), count, "The topic count must be 1 to 10000.");
        for (var i = 1; i <= count; i++)
            await CreateTopicAsync(prefix + i.ToString(CultureInfo.InvariantCulture), partitions, replicationFactor).ConfigureAwait(false);
        Say($"Created {count} topics {prefix}1 .. {prefix}{count}, {partitions} partitions each, replication factor {replicationFactor}");
    }

    /// <summary>The topics a feature names: one name, or "prefix*" for every topic created with that prefix.</summary>
    public IReadOnlyList<(string Name, int Partitions)> Topics(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        lock (_topics)
        {
            var matches = reference.EndsWith('*')
                ? _topics.Where(t => t.Name.StartsWith(reference[..^1], StringComparison.Ordinal)).ToList()
                : _topics.Where(t => t.Name == reference).ToList();
            if (matches.Count == 0)
                throw new InvalidOperationException($"No topic \"{reference}\" was created in this scenario (created: {string.Join(", ", _topics.Select(t => t.Name).Take(10))}).");
            return matches;
        }
    }

    /// <summary>Runs an action, turning a missing target capability into a skip with its reason.</summary>
    public async Task GuardAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (CapabilityMissingException missing)
        {
            _scenario.Skip(missing.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        var errors = new List<Exception>();
        try
        {
            await StopWorkloadsAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            errors.Add(e);
        }
        if (_nemesis is not null) errors.AddRange(await _nemesis.HealAllAsync().ConfigureAwait(false));
        _probe?.Dispose();
        _toxiproxyClient?.Dispose();
        if (_cluster is not null) await _cluster.DisposeAsync().ConfigureAwait(false);
        _cluster = null;
        if (errors.Count > 0) throw new AggregateException("The scenario's world did not shut down cleanly.", errors);
    }
}
