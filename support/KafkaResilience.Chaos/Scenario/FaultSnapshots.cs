using System.Diagnostics;
using KafkaResilience.Chaos.Faults;
using KafkaResilience.Cluster;
using KafkaResilience.Workloads.History.Observations;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// The cluster around each fault of a scenario, as the seed's monitoring screens showed it, taken through the
/// cluster abstraction (brokers, then every partition of the scenario's topics): right before the fault is injected,
/// once it has taken effect, and right after its heal. Only the first is on the fault's path: it delays the fault by
/// its own cost, which each snapshot records (<see cref="ClusterSnapshot.TookMilliseconds"/>). "Taken effect" is
/// watched in the background, never holding a step: the leaders differ from the snapshot before the fault and two
/// polls <see cref="PollInterval"/> apart agree (they settled); else just before its heal; at the latest
/// <see cref="EffectBound"/> after it. Each snapshot lists the leadership changes the cluster recorded since the one
/// before. A snapshot that cannot be taken says why; it never fails the scenario. Each is recorded in the scenario's
/// history, where the report reads them. A listener of the scenario's nemesis. Thread-safe.
/// </summary>
internal sealed class FaultSnapshots : IFaultListener
{
    /// <summary>How often the leaders are read while a fault is waited on to take effect.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>How long after its injection a fault's effect is waited for before the snapshot is taken anyway.</summary>
    public static readonly TimeSpan EffectBound = TimeSpan.FromSeconds(30);

    /// <summary>At most this many topics are shown (a sweep over 192 topics injects no fault, but a user's scenario might).</summary>
    public const int MaxTopics = 12;

    private readonly ScenarioCluster _cluster;
    private readonly ScenarioHistory _history;
    private readonly object _gate = new();
    private readonly Dictionary<IFault, ClusterSnapshot> _before = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<IFault, Watch> _watches = new(ReferenceEqualityComparer.Instance);
    private readonly List<Task> _pending = [];
    private readonly HashSet<IFault> _healedThemselves = new(ReferenceEqualityComparer.Instance);
    private readonly CancellationTokenSource _stop = new();
    private int _changesSeen;
    private int _takenCount;

    public FaultSnapshots(ScenarioCluster cluster, ScenarioHistory history)
    {
        _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
        _history = history ?? throw new ArgumentNullException(nameof(history));
    }

    /// <summary>Every snapshot taken so far, in the order taken (as the history holds them).</summary>
    public IReadOnlyList<ClusterSnapshot> Taken => _history.Ledger.ClusterSnapshots;

    /// <summary>The snapshot taken right before the fault's latest injection, or null.</summary>
    public ClusterSnapshot? BeforeOf(IFault fault)
    {
        lock (_gate) return _before.GetValueOrDefault(fault);
    }

    public async Task OnFaultAsync(FaultEvent fault, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fault);
        switch (fault.Kind)
        {
            case FaultEventKind.Injecting:
                var before = await TakeAsync(fault.Fault.Description, SnapshotMoment.BeforeFault, null, cancellationToken).ConfigureAwait(false);
                lock (_gate) _before[fault.Fault] = before;
                break;
            case FaultEventKind.Injected:
                Injected(fault.Fault, BeforeOf(fault.Fault));
                break;
            case FaultEventKind.Healing:
                await BeforeHealAsync(fault.Fault).ConfigureAwait(false);
                break;
            case FaultEventKind.Healed:
                Healed(fault.Fault);
                break;
        }
    }

    /// <summary>The fault was injected: watches, in the background, for it to take effect (only while it is active).</summary>
    private void Injected(IFault fault, ClusterSnapshot? before)
    {
        if (!fault.IsActive)
        {
            lock (_gate) _healedThemselves.Add(fault);
            return;
        }
        var watch = new Watch(CancellationTokenSource.CreateLinkedTokenSource(_stop.Token));
        lock (_gate)
        {
            _watches[fault] = watch;
            watch.Task = Task.Run(() => WatchAsync(fault, before, watch), CancellationToken.None);
        }
    }

    /// <summary>The fault is about to be healed: its "in effect" snapshot is taken now unless the watch took it.</summary>
    private async Task BeforeHealAsync(IFault fault)
    {
        Watch? watch;
        lock (_gate) _watches.Remove(fault, out watch);
        if (watch is null) return;
        await watch.Stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await watch.Task!.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The watch only reads the cluster; whatever became of it, the snapshot below is taken.
        }
        watch.Stop.Dispose();
        if (watch.TryClaim()) await TakeAsync(fault.Description, SnapshotMoment.InEffect, "just before its heal", CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>The fault was healed (or healed itself): the snapshot after it is taken in the background.</summary>
    private void Healed(IFault fault)
    {
        lock (_gate)
        {
            var detail = _healedThemselves.Remove(fault) ? "it heals itself: right after it" : null;
            _pending.Add(Task.Run(() => TakeAsync(fault.Description, SnapshotMoment.AfterHeal, detail, _stop.Token), CancellationToken.None));
        }
    }

    /// <summary>Every snapshot, once the ones still being taken are done (each waited for at most <paramref name="bound"/> in all).</summary>
    public async Task<IReadOnlyList<ClusterSnapshot>> AllAsync(TimeSpan bound)
    {
        Task[] pending;
        lock (_gate) pending = [.. _pending, .. _watches.Values.Select(w => w.Task!)];
        try
        {
            await Task.WhenAll(pending).WaitAsync(bound).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A snapshot that could not be finished is left out; the others are shown.
        }
        return Taken;
    }

    /// <summary>Stops every watch still running (the scenario is over).</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
    }

    private async Task WatchAsync(IFault fault, ClusterSnapshot? before, Watch watch)
    {
        var clock = Stopwatch.StartNew();
        var token = watch.Stop.Token;
        IReadOnlyDictionary<string, int?>? differing = null;
        try
        {
            for (var poll = 0; clock.Elapsed < EffectBound && poll < 100_000; poll++)
            {
                await Task.Delay(PollInterval, token).ConfigureAwait(false);
                if (before is null || before.Error is not null) continue;
                var leaders = await LeadersAsync(token).ConfigureAwait(false);
                var moved = before.Partitions.Any(p => leaders.TryGetValue(p.Name, out var now) && now != p.Leader);
                if (!moved)
                {
                    differing = null;
                    continue;
                }
                if (differing is not null && differing.Count == leaders.Count && differing.All(l => leaders.TryGetValue(l.Key, out var now) && now == l.Value))
                {
                    if (watch.TryClaim())
                        await TakeAsync(fault.Description, SnapshotMoment.InEffect, $"the leaders settled {clock.Elapsed.TotalSeconds:0.0} s after it", token).ConfigureAwait(false);
                    return;
                }
                differing = leaders;
            }
            if (!token.IsCancellationRequested && watch.TryClaim())
                await TakeAsync(fault.Description, SnapshotMoment.InEffect, $"{EffectBound.TotalSeconds:0} s after it; no leader moved", token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The heal came first: BeforeHealAsync takes the snapshot.
        }
        catch (Exception)
        {
            // A leader that cannot be read now is read again at the heal; the watch never fails the scenario.
        }
    }

    private async Task<IReadOnlyDictionary<string, int?>> LeadersAsync(CancellationToken cancellationToken)
    {
        var leaders = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var topic in _cluster.CreatedTopics.Take(MaxTopics))
        {
            var description = await _cluster.Cluster.DescribeTopicAsync(topic.Name, cancellationToken).ConfigureAwait(false);
            foreach (var p in description.Partitions) leaders[$"{topic.Name}-{p.Partition}"] = p.Leader;
        }
        return leaders;
    }

    private async Task<ClusterSnapshot> TakeAsync(string fault, SnapshotMoment moment, string? detail, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var cluster = _cluster.Started;
        IReadOnlyList<SnapshotBroker> brokers = [];
        var partitions = new List<SnapshotPartition>();
        string? error = null;
        try
        {
            if (cluster is null) throw new InvalidOperationException("the cluster is gone");
            brokers = [.. (await cluster.DescribeBrokersAsync(cancellationToken).ConfigureAwait(false)).Select(b => new SnapshotBroker(b.BrokerId, StateName(b.State), b.Note))];
            var topics = _cluster.CreatedTopics;
            foreach (var topic in topics.Take(MaxTopics))
            {
                var description = await cluster.DescribeTopicAsync(topic.Name, cancellationToken).ConfigureAwait(false);
                partitions.AddRange(description.Partitions.Select(p => new SnapshotPartition(topic.Name, p.Partition, p.Leader, p.Replicas, p.InSyncReplicas)));
            }
            if (topics.Count > MaxTopics) detail = (detail is null ? "" : detail + "; ") + $"the first {MaxTopics} of {topics.Count} topics shown";
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error = $"{e.GetType().Name}: {e.Message}";
        }
        var took = Stopwatch.GetElapsedTime(started);
        var ledger = _history.Ledger;
        var origin = ledger.OriginWallClock;
        var at = origin + ledger.Elapsed(ledger.Now());
        var changes = _history.LeadershipChanges();
        lock (_gate)
        {
            List<string> since = _takenCount == 0 ? [] : [.. changes.Skip(_changesSeen).Select(c => $"+{(c.At - origin).TotalSeconds:0.000} s {Describe(c)}")];
            _changesSeen = Math.Max(_changesSeen, changes.Count);
            var snapshot = new ClusterSnapshot(fault, moment, detail, at, (at - origin).TotalSeconds, took.TotalMilliseconds,
                brokers, partitions, since, error);
            _takenCount++;
            ledger.RecordClusterSnapshot(snapshot);
            return snapshot;
        }
    }

    private static string Describe(LeadershipChange change) => change.IsCoordinatorChange
        ? $"coordinator of group \"{change.Topic}\": {Broker(change.From)} -> {Broker(change.To)} ({change.Cause})"
        : $"leader of {change.Topic}-{change.Partition}: {Broker(change.From)} -> {Broker(change.To)} ({change.Cause})";

    private static string Broker(int? id) => id is { } b ? $"broker {b}" : "none";

    /// <summary>The seed's words for a broker's state.</summary>
    public static string StateName(BrokerState state) => state switch
    {
        BrokerState.Up => "up",
        BrokerState.Down => "down",
        BrokerState.Paused => "paused",
        BrokerState.CutOff => "cut off",
        _ => "unknown",
    };

    /// <summary>One fault's watch for its effect; the "in effect" snapshot is claimed once, by the watch or by the heal.</summary>
    private sealed class Watch(CancellationTokenSource stop)
    {
        private int _claimed;

        public CancellationTokenSource Stop { get; } = stop;

        public Task? Task { get; set; }

        public bool TryClaim() => Interlocked.Exchange(ref _claimed, 1) == 0;
    }
}
