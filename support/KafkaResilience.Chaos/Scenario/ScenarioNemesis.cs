using KafkaResilience.Chaos.Faults;
using KafkaResilience.Chaos.Timeline;
using KafkaResilience.Cluster;
using KafkaResilience.Reporting.ClusterView;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// The scenario's faults: injects each one with its symbolic target resolved when it fires, heals it (and,
/// whatever happens, every fault still active when the scenario ends), and records each once, on the
/// scenario's history: a fault mark from the moment it took effect to its heal, on the history's clock. Around
/// each fault it snapshots the cluster (before, in effect, after the heal: see <see cref="FaultSnapshots"/>) and
/// shows beside the fault's step when it was injected and what the snapshot before it cost. A fault the target
/// cannot produce skips the scenario with the target's reason. Injected per scenario.
/// </summary>
public sealed class ScenarioNemesis : IAsyncDisposable
{
    private readonly ScenarioCluster _cluster;
    private readonly ScenarioHistory _history;
    private readonly IScenarioScope _scope;
    private readonly List<InjectedFault> _injected = [];
    private Nemesis? _nemesis;
    private FaultSnapshots? _snapshots;
    private ClusterSnapshot? _before;

    public ScenarioNemesis(ScenarioCluster cluster, ScenarioHistory history, IScenarioScope scope)
    {
        _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
        _history = history ?? throw new ArgumentNullException(nameof(history));
        _scope = scope ?? throw new ArgumentNullException(nameof(scope));
    }

    /// <summary>What the faults did on the way (a broker killed during a rolling restart...), on the history's clock.</summary>
    public FaultTimeline Timeline => _history.Timeline;

    /// <summary>Every fault injected so far, in order.</summary>
    public IReadOnlyList<InjectedFault> Injected
    {
        get { lock (_injected) return [.. _injected]; }
    }

    /// <summary>The first fault injected, or null.</summary>
    public InjectedFault? First
    {
        get { lock (_injected) return _injected.FirstOrDefault(); }
    }

    /// <summary>The cluster snapshots taken around the faults so far, once those still being taken are done (bounded).</summary>
    public Task<IReadOnlyList<ClusterSnapshot>> SnapshotsAsync() =>
        _snapshots is null ? Task.FromResult<IReadOnlyList<ClusterSnapshot>>([]) : _snapshots.AllAsync(TimeSpan.FromSeconds(30));

    /// <summary>The snapshots taken so far, without waiting for those being taken (tests).</summary>
    internal IReadOnlyList<ClusterSnapshot> SnapshotsSoFar => _snapshots?.Taken ?? [];

    private FaultSnapshots Snapshots => _snapshots ??= new FaultSnapshots(_cluster, Timeline, _history.Ledger.OriginWallClock);

    private Nemesis Nemesis
    {
        get
        {
            if (_nemesis is not null) return _nemesis;
            var cluster = _cluster.Cluster;
            var snapshots = Snapshots;
            _nemesis = new Nemesis(new FaultContext(cluster, _cluster.Toxiproxy, _cluster.Probe, Timeline)) { BeforeHeal = snapshots.BeforeHealAsync };
            _nemesis.Injected += fault =>
            {
                var brokers = fault.ResolvedBrokers.ToList();
                var mark = _history.Ledger.BeginFault(fault.Description, brokers.Count == 0 ? "" : $"broker {string.Join(", ", brokers)}");
                lock (_injected) _injected.Add(new InjectedFault(fault, brokers, mark, _history.Ledger.OkCount));
                snapshots.Injected(fault, Interlocked.Exchange(ref _before, null));
            };
            _nemesis.Healed += fault =>
            {
                FaultMark? mark;
                lock (_injected) mark = _injected.LastOrDefault(i => ReferenceEquals(i.Fault, fault) && i.Mark.HealedAt is null)?.Mark;
                if (mark is not null) _history.Ledger.EndFault(mark);
                snapshots.Healed(fault);
            };
            return _nemesis;
        }
    }

    /// <summary>Injects a fault now (its symbolic target resolved now); skips when the target cannot do it.</summary>
    public Task InjectAsync(IFault fault) => GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(fault);
        FaultRequirements.Check(_cluster.Cluster, fault.Requires);
        await _cluster.RememberLeadersAsync().ConfigureAwait(false);
        var nemesis = Nemesis;
        var before = _before = await Snapshots.BeforeAsync(fault, _scope.Token).ConfigureAwait(false);
        await nemesis.InjectAsync(fault, _scope.Token).ConfigureAwait(false);
        _scope.Say($"Fault injected: {fault.Description}{Resolved(fault)}");
        ReportInjected(fault, before);
    });

    /// <summary>Injects a fault, keeps it for <paramref name="duration"/>, heals it.</summary>
    public Task InjectForAsync(IFault fault, TimeSpan duration) => GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(fault);
        FaultRequirements.Check(_cluster.Cluster, fault.Requires);
        await _cluster.RememberLeadersAsync().ConfigureAwait(false);
        _scope.Say($"Fault for {duration.TotalSeconds:0.###} s: {fault.Description}");
        var nemesis = Nemesis;
        var before = _before = await Snapshots.BeforeAsync(fault, _scope.Token).ConfigureAwait(false);
        await nemesis.InjectForAsync(fault, duration, _scope.Token).ConfigureAwait(false);
        _scope.Say($"Fault healed: {fault.Description}{Resolved(fault)}");
        ReportInjected(fault, before);
    });

    /// <summary>Starts a broker that a fault took down (healing that fault), or starts it directly.</summary>
    public async Task StartBrokerAgainAsync(int brokerId)
    {
        if (!await Nemesis.HealBrokerAsync(brokerId, _scope.Token).ConfigureAwait(false))
        {
            await Nemesis.Context.BrokerFaults(Capability.CleanStop).StartAsync(brokerId, _scope.Token).ConfigureAwait(false);
            Timeline.Note($"broker {brokerId} started");
        }
        _scope.Say($"Broker {brokerId} started again");
    }

    /// <summary>Heals every fault still active, newest first; returns the heals that failed (never throws).</summary>
    public async Task<IReadOnlyList<Exception>> HealAllAsync() =>
        _nemesis is null ? [] : await _nemesis.HealAllAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        var errors = await HealAllAsync().ConfigureAwait(false);
        if (_snapshots is not null) await _snapshots.StopAsync().ConfigureAwait(false);
        if (errors.Count > 0) throw new AggregateException("Some faults could not be healed after the scenario.", errors);
    }

    /// <summary>Runs an action, turning a missing target capability into a skip with its reason.</summary>
    private async Task GuardAsync(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (CapabilityMissingException missing)
        {
            _scope.Skip(missing.Message);
        }
    }

    /// <summary>Beside the fault's step: when it was injected (and healed), on the scenario's clock, and what the snapshot before it cost.</summary>
    private void ReportInjected(IFault fault, ClusterSnapshot before)
    {
        InjectedFault? injected;
        lock (_injected) injected = _injected.LastOrDefault(i => ReferenceEquals(i.Fault, fault));
        if (injected is null) return;
        _scope.Report("injected", $"+{injected.Mark.InjectedAt.TotalSeconds:0.000} s{Resolved(fault)}" +
                                  (injected.Mark.HealedAt is { } healed ? $", healed +{healed.TotalSeconds:0.000} s" : ""));
        _scope.Report("acknowledged when injected", $"{injected.AcknowledgedAtInjection:N0} messages");
        _scope.Report("cluster snapshot before it", before.Error is null
            ? $"taken in {before.TookMilliseconds:0.###} ms, which the fault waited for"
            : $"could not be taken ({before.Error})");
    }

    private static string Resolved(IFault fault) =>
        fault.ResolvedBrokers.Count == 0 ? "" : $" (broker {string.Join(", ", fault.ResolvedBrokers)})";
}
