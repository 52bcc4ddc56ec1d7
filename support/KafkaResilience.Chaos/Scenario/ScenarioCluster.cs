using System.Globalization;
using KafkaResilience.Chaos.Faults;
using KafkaResilience.Chaos.Fit;
using KafkaResilience.Chaos.Network;
using KafkaResilience.Cluster;
using KafkaResilience.Cluster.Toxiproxy;
using KafkaResilience.Cluster.Waiting;
using KafkaResilience.Targets;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.History.Observations;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// The scenario's cluster on the selected target and what it knows of it: the probe that says whether a
/// broker serves clients, the Toxiproxy API in front of the brokers and the topics the scenario created. What it reads
/// of the cluster for a judgement (each topic's leaders before the first fault, the leaders a Then observes, a broker
/// coming back) it records in the scenario's history first, where the checkers read it. Before the cluster starts, the scenario's own steps
/// are measured against the target's limits (<see cref="ScenarioFit"/>): a row the target cannot judge honestly is
/// skipped at once with its numbers, a step it cannot judge is skipped at its turn; a target that cannot do what
/// the scenario's tags need skips it with the target's reason. Injected per scenario; disposes the cluster last.
/// </summary>
public sealed class ScenarioCluster : IAsyncDisposable
{
    private readonly IScenarioScope _scope;
    private readonly ScenarioHistory _history;
    private readonly TargetSession _target;
    private readonly List<ScenarioTopic> _topics = [];
    private IKafkaCluster? _cluster;
    private IBrokerProbe? _probe;
    private ToxiproxyClient? _toxiproxyClient;

    public ScenarioCluster(IScenarioScope scope, ScenarioHistory history, TargetSession target)
    {
        _scope = scope ?? throw new ArgumentNullException(nameof(scope));
        _history = history ?? throw new ArgumentNullException(nameof(history));
        _target = target ?? throw new ArgumentNullException(nameof(target));
    }

    /// <summary>The scenario's cluster; a step that needs one before "Given a cluster of brokers ..." fails saying so.</summary>
    public IKafkaCluster Cluster => _cluster ?? throw new InvalidOperationException(
        "This step needs a cluster: start the scenario (or its Background) with \"Given a cluster of brokers 105, 106 and 108\".");

    /// <summary>True once the cluster started and the scenario was not skipped for what the target cannot model.</summary>
    public bool IsReady { get; private set; }

    /// <summary>The cluster when one was started (also when the scenario was then skipped), else null.</summary>
    public IKafkaCluster? Started => _cluster;

    public IBrokerProbe Probe => _probe ?? throw new InvalidOperationException("No cluster yet, so no broker can be probed.");

    /// <summary>The Toxiproxy API in front of the brokers, or null when the target has none.</summary>
    public IToxiproxy? Toxiproxy { get; private set; }

    /// <summary>Starts the cluster on the selected target, or skips the scenario with the reason it cannot run here.</summary>
    public async Task StartAsync(ClusterRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_cluster is not null) throw new InvalidOperationException("The scenario already has a cluster.");
        var plan = await _scope.PlanAsync().ConfigureAwait(false);
        RefuseWhatKafkaWould(plan, request.BrokerIds);
        var selection = await _target.SelectAsync(_scope.Token).ConfigureAwait(false);
        _scope.Say(selection.ToString());
        if (selection.IsAvailable) Fit(plan, selection.Limits, selection.TargetName);
        var result = await _target.StartAsync(request, _scope.Token).ConfigureAwait(false);
        if (result.SkipReason is { } skip) _scope.Skip(skip);
        if (result.Cluster is not { } cluster)
            throw new InvalidOperationException($"The {result.Selection.TargetName} target failed to start: {result.Reason}");
        _cluster = cluster;
        _scope.Say($"Cluster: {cluster.Description}");
        if (CapabilityTags.WhyNot(cluster, _scope.Tags) is { } reason)
            _scope.Skip($"the {cluster.TargetName} target cannot model this scenario: {reason}");
        var probe = new MetadataBrokerProbe(cluster);
        IToxiproxy? toxiproxy = null;
        if (cluster is IBrokerProxies { ToxiproxyApi: { } api })
        {
            _toxiproxyClient = new ToxiproxyClient(api);
            toxiproxy = new ToxiproxyClientAdapter(_toxiproxyClient);
        }
        Use(cluster, probe, toxiproxy);
    }

    /// <summary>
    /// Decides, from the values the scenario's steps bind to and the target's limits, whether this row can be judged here: skips it
    /// with its numbers when it cannot, marks each step that cannot be judged while the rest can, and says the numbers.
    /// </summary>
    internal async Task<FitDecision> FitAsync(CapabilityLimits limits, string targetName) =>
        Fit(await _scope.PlanAsync().ConfigureAwait(false), limits, targetName);

    /// <summary>
    /// Refuses, before any target is asked, what Kafka itself would refuse in the scenario's steps (a topic name, an empty
    /// group id, a broker the cluster does not have, the cluster's own broker ids), naming each step and Kafka's rule.
    /// </summary>
    private void RefuseWhatKafkaWould(IReadOnlyList<IPlannedStep?> plan, IReadOnlyList<int> brokers)
    {
        var refused = new List<string>();
        if (KafkaNames.BrokerIdsProblem(brokers) is { } brokerIds) refused.Add("the cluster's broker ids " + brokerIds);
        for (var i = 0; i < plan.Count && i < _scope.StepTexts.Count; i++)
        {
            foreach (var refusal in plan[i]?.Refusals(brokers) ?? [])
                refused.Add($"{_scope.StepLocations[i]} \"{_scope.StepTexts[i]}\": {refusal}");
        }

        if (refused.Count > 0)
            throw new ArgumentException("Kafka would refuse what this scenario asks for, so it does not start on any target:" + Environment.NewLine
                + string.Join(Environment.NewLine, refused.Select(r => "- " + r)));
    }

    private FitDecision Fit(IReadOnlyList<IPlannedStep?> plan, CapabilityLimits limits, string targetName)
    {
        var decision = ScenarioFit.Decide(ScenarioNeedsBuilder.Of(plan, _scope.StepTexts), limits, targetName);
        foreach (var fact in decision.Facts) _scope.Say($"On the {targetName} target: {fact}");
        if (decision.SkipReason is { } reason) _scope.Skip(reason);
        foreach (var (step, why) in decision.StepReasons)
        {
            _scope.Say($"Step \"{_scope.StepTexts[step]}\" will be skipped: {why}");
            _scope.SkipLaterStep(step, why);
            // What the step would have read is missing evidence: a check that needs it is not judged, never "lost".
            if (plan[step]?.Reads is { } reads)
                _history.Ledger.WithholdRead(new WithheldRead(reads.Group, reads.Topic, _scope.StepTexts[step], "was skipped before the scenario ran: " + why));
        }
        return decision;
    }

    /// <summary>Takes a cluster that is already running (unit tests: a fake one).</summary>
    internal void Use(IKafkaCluster cluster, IBrokerProbe probe, IToxiproxy? toxiproxy = null)
    {
        _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
        _history.Follow(cluster);
        _probe = probe ?? throw new ArgumentNullException(nameof(probe));
        Toxiproxy = toxiproxy;
        IsReady = true;
    }

    /// <summary>Creates a topic.</summary>
    public async Task CreateTopicAsync(string name, int partitions, int replicationFactor)
    {
        var spec = new TopicSpec(name, partitions, replicationFactor);
        spec.Validate(Cluster.BrokerIds.Count);
        await Cluster.CreateTopicAsync(spec, _scope.Token).ConfigureAwait(false);
        lock (_topics) _topics.Add(new ScenarioTopic(name, partitions));
        _history.Ledger.RecordTopic(name, partitions);
    }

    /// <summary>Creates <paramref name="count"/> topics named prefix1 .. prefixN.</summary>
    public async Task CreateTopicsAsync(int count, string prefix, int partitions, int replicationFactor)
    {
        if (count is < 1 or > 10_000) throw new ArgumentOutOfRangeException(nameof(count), count, "The topic count must be 1 to 10000.");
        for (var i = 1; i <= count; i++)
            await CreateTopicAsync(prefix + i.ToString(CultureInfo.InvariantCulture), partitions, replicationFactor).ConfigureAwait(false);
        _scope.Say($"Created {count} topics {prefix}1 .. {prefix}{count}, {partitions} partitions each, replication factor {replicationFactor}");
    }

    /// <summary>The topics a feature names: one name, or "prefix*" for every topic created with that prefix.</summary>
    public IReadOnlyList<ScenarioTopic> Topics(string reference)
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

    /// <summary>Every topic the scenario created, in order.</summary>
    public IReadOnlyList<ScenarioTopic> CreatedTopics
    {
        get { lock (_topics) return [.. _topics]; }
    }

    /// <summary>The leaders of a topic now, as the cluster describes them.</summary>
    public async Task<PartitionLeaders> LeadersAsync(string topic)
    {
        var description = await Cluster.DescribeTopicAsync(topic, _scope.Token).ConfigureAwait(false);
        return new PartitionLeaders(topic, description.Partitions.ToDictionary(p => p.Partition, p => p.Leader));
    }

    /// <summary>Reads a topic's leaders now into the history, for a Then to judge them.</summary>
    public async Task<PartitionLeaders> ObserveLeadersAsync(string topic)
    {
        var leaders = await LeadersAsync(topic).ConfigureAwait(false);
        _history.Ledger.RecordLeaders(LeadersMoment.Observed, leaders);
        return leaders;
    }

    /// <summary>Checks, before anything happens, that a broker leads a partition of the topic (so "the partitions it led" is not empty).</summary>
    public async Task RequireLeadsAsync(int brokerId, string topic)
    {
        var leaders = await LeadersAsync(topic).ConfigureAwait(false);
        var led = leaders.LedBy(brokerId);
        if (led.Count == 0)
            throw new InvalidOperationException($"Broker {brokerId} leads no partition of \"{topic}\" (leaders: {leaders}); the scenario's premise does not hold.");
        if (!_history.Ledger.HasLeadersBeforeFaults(topic)) _history.Ledger.RecordLeaders(LeadersMoment.BeforeFaults, leaders);
        _scope.Say($"Broker {brokerId} leads partition(s) {string.Join(", ", led)} of \"{topic}\" (leaders: {leaders})");
    }

    /// <summary>Records the leaders of every topic whose leaders the history does not hold from before the faults yet (called before a fault fires).</summary>
    public async Task RememberLeadersAsync()
    {
        List<string> topics;
        lock (_topics) topics = [.. _topics.Select(t => t.Name)];
        foreach (var topic in topics.Where(t => !_history.Ledger.HasLeadersBeforeFaults(t)))
            _history.Ledger.RecordLeaders(LeadersMoment.BeforeFaults, await LeadersAsync(topic).ConfigureAwait(false));
    }

    /// <summary>
    /// Waits until the broker is listed in the metadata (at most <paramref name="timeout"/>) and records the wait's outcome in
    /// the history as <paramref name="waitName"/>, with the brokers the metadata listed last.
    /// </summary>
    public async Task WaitUntilServingAsync(int brokerId, TimeSpan timeout, string waitName)
    {
        var after = await ConditionWait.WithinAsync(ct => Probe.IsServingAsync(brokerId, ct), timeout, _scope.Token, TimeSpan.FromMilliseconds(100)).ConfigureAwait(false);
        var listed = Probe is MetadataBrokerProbe metadata ? metadata.ServingBrokers() : [];
        _history.Ledger.RecordWait(waitName, $"broker {brokerId} back in the metadata", timeout, after, $"metadata lists {string.Join(", ", listed)}");
    }

    public async ValueTask DisposeAsync()
    {
        (_probe as IDisposable)?.Dispose();
        _toxiproxyClient?.Dispose();
        var cluster = _cluster;
        _cluster = null;
        IsReady = false;
        if (cluster is not null) await cluster.DisposeAsync().ConfigureAwait(false);
    }
}
