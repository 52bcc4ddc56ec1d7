using KafkaResilience.Chaos.Faults;
using KafkaResilience.Cluster;
using KafkaResilience.Workloads.History.Observations;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// The scenario's faults: injects each one with its symbolic target resolved when it fires, heals it (and, at the
/// scenario's end, every fault still active). The nemesis tells each step of a fault's course to its listeners, in
/// this order: the history (<see cref="FaultRecorder"/>: the leaders before the faults, the fault's mark from the moment
/// it took effect to its heal), the cluster snapshots around it (<see cref="FaultSnapshots"/>: before, in effect, after
/// the heal) and the fault's step (<see cref="FaultStepReport"/>). A fault the target cannot produce skips the scenario
/// with the target's reason, having done nothing. Injected per scenario.
/// </summary>
public sealed class ScenarioNemesis
{
    private readonly ScenarioCluster _cluster;
    private readonly ScenarioHistory _history;
    private readonly IScenarioScope _scope;
    private Nemesis? _nemesis;
    private FaultSnapshots? _snapshots;

    public ScenarioNemesis(ScenarioCluster cluster, ScenarioHistory history, IScenarioScope scope)
    {
        _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
        _history = history ?? throw new ArgumentNullException(nameof(history));
        _scope = scope ?? throw new ArgumentNullException(nameof(scope));
    }

    /// <summary>The snapshots taken so far, without waiting for those being taken (tests).</summary>
    internal IReadOnlyList<ClusterSnapshot> SnapshotsSoFar => _snapshots?.Taken ?? [];

    private Nemesis Nemesis
    {
        get
        {
            if (_nemesis is not null) return _nemesis;
            var recorder = new FaultRecorder(_cluster, _history);
            var snapshots = _snapshots = new FaultSnapshots(_cluster, _history);
            var context = new FaultContext(_cluster.Cluster, _cluster.Toxiproxy, _cluster.Probe, _history.Note);
            return _nemesis = new Nemesis(context, [recorder, snapshots, new FaultStepReport(_scope, recorder, snapshots)]);
        }
    }

    /// <summary>Injects a fault now (its symbolic target resolved now); skips when the target cannot do it.</summary>
    public Task InjectAsync(IFault fault) => GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(fault);
        await Nemesis.InjectAsync(fault, _scope.Token).ConfigureAwait(false);
        _scope.Say($"Fault injected: {fault.Description}{Resolved(fault)}");
    });

    /// <summary>Injects a fault, keeps it for <paramref name="duration"/>, heals it.</summary>
    public Task InjectForAsync(IFault fault, TimeSpan duration) => GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(fault);
        _scope.Say($"Fault for {duration.TotalSeconds:0.###} s: {fault.Description}");
        await Nemesis.InjectForAsync(fault, duration, _scope.Token).ConfigureAwait(false);
        _scope.Say($"Fault healed: {fault.Description}{Resolved(fault)}");
    });

    /// <summary>Starts a broker that a fault took down (healing that fault), or starts it directly.</summary>
    public async Task StartBrokerAgainAsync(int brokerId)
    {
        if (!await Nemesis.HealBrokerAsync(brokerId, _scope.Token).ConfigureAwait(false))
        {
            await Nemesis.Context.BrokerFaults(Capability.CleanStop).StartAsync(brokerId, _scope.Token).ConfigureAwait(false);
            _history.Note($"broker {brokerId} started");
        }
        _scope.Say($"Broker {brokerId} started again");
    }

    /// <summary>
    /// The end of the scenario's faults, once, from its teardown: heals every fault still active, newest first, then lets
    /// the snapshots still being taken finish (bounded) and stops watching. Returns what failed; never throws.
    /// </summary>
    public async Task<IReadOnlyList<Exception>> EndAsync()
    {
        if (_nemesis is null) return [];
        var errors = await _nemesis.HealAllAsync().ConfigureAwait(false);
        if (_snapshots is { } snapshots)
        {
            await snapshots.AllAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            await snapshots.StopAsync().ConfigureAwait(false);
        }
        return errors;
    }

    /// <summary>" (broker 106)": the brokers a fault's target resolved to, for a sentence.</summary>
    internal static string Resolved(IFault fault) =>
        fault.ResolvedBrokers.Count == 0 ? "" : $" (broker {string.Join(", ", fault.ResolvedBrokers)})";

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
}
