using KafkaResilience.Chaos.Faults;
using KafkaResilience.Chaos.Timeline;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// The scenario's faults: injects each one with its symbolic target resolved when it fires, heals it (and,
/// whatever happens, every fault still active when the scenario ends), and records each once, on the
/// scenario's history: a fault mark from the moment it took effect to its heal, on the history's clock. A
/// fault the target cannot produce skips the scenario with the target's reason. Injected per scenario.
/// </summary>
public sealed class ScenarioNemesis : IAsyncDisposable
{
    private readonly ScenarioCluster _cluster;
    private readonly ScenarioHistory _history;
    private readonly ScenarioScope _scope;
    private readonly List<InjectedFault> _injected = [];
    private Nemesis? _nemesis;

    public ScenarioNemesis(ScenarioCluster cluster, ScenarioHistory history, ScenarioScope scope)
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

    private Nemesis Nemesis
    {
        get
        {
            if (_nemesis is not null) return _nemesis;
            var cluster = _cluster.Cluster;
            _nemesis = new Nemesis(new FaultContext(cluster, _cluster.Toxiproxy, _cluster.Probe, Timeline));
            _nemesis.Injected += fault =>
            {
                var brokers = fault.ResolvedBrokers.ToList();
                var mark = _history.Ledger.BeginFault(fault.Description, brokers.Count == 0 ? "" : $"broker {string.Join(", ", brokers)}");
                lock (_injected) _injected.Add(new InjectedFault(fault, brokers, mark));
            };
            _nemesis.Healed += fault =>
            {
                FaultMark? mark;
                lock (_injected) mark = _injected.LastOrDefault(i => ReferenceEquals(i.Fault, fault) && i.Mark.HealedAt is null)?.Mark;
                if (mark is not null) _history.Ledger.EndFault(mark);
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
        await Nemesis.InjectAsync(fault, _scope.Token).ConfigureAwait(false);
        _scope.Say($"Fault injected: {fault.Description}{Resolved(fault)}");
    });

    /// <summary>Injects a fault, keeps it for <paramref name="duration"/>, heals it.</summary>
    public Task InjectForAsync(IFault fault, TimeSpan duration) => GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(fault);
        FaultRequirements.Check(_cluster.Cluster, fault.Requires);
        await _cluster.RememberLeadersAsync().ConfigureAwait(false);
        _scope.Say($"Fault for {duration.TotalSeconds:0.###} s: {fault.Description}");
        await Nemesis.InjectForAsync(fault, duration, _scope.Token).ConfigureAwait(false);
        _scope.Say($"Fault healed: {fault.Description}{Resolved(fault)}");
    });

    /// <summary>Starts a broker that a fault took down (healing that fault), or starts it directly.</summary>
    public async Task StartBrokerAgainAsync(int brokerId)
    {
        if (!await Nemesis.HealBrokerAsync(brokerId, _scope.Token).ConfigureAwait(false))
        {
            await _cluster.Cluster.StartAsync(brokerId, _scope.Token).ConfigureAwait(false);
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

    private static string Resolved(IFault fault) =>
        fault.ResolvedBrokers.Count == 0 ? "" : $" (broker {string.Join(", ", fault.ResolvedBrokers)})";
}
