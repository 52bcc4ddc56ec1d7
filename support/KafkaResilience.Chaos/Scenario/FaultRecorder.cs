using KafkaResilience.Chaos.Faults;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// Where a fault's course reaches the scenario's history, once: right before a fault fires, the leaders of every topic
/// not yet read before the faults; once it is injected, its mark (what it is, the brokers its target resolved to, what
/// had been acknowledged); once it is healed, the heal on that mark. A listener of the scenario's nemesis.
/// </summary>
internal sealed class FaultRecorder : IFaultListener
{
    private readonly ScenarioCluster _cluster;
    private readonly ScenarioHistory _history;
    private readonly Dictionary<IFault, FaultMark> _open = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<IFault, FaultMark> _last = new(ReferenceEqualityComparer.Instance);

    public FaultRecorder(ScenarioCluster cluster, ScenarioHistory history)
    {
        _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
        _history = history ?? throw new ArgumentNullException(nameof(history));
    }

    /// <summary>The mark of the fault's latest injection, or null when it was never injected.</summary>
    public FaultMark? MarkOf(IFault fault)
    {
        lock (_last) return _last.GetValueOrDefault(fault);
    }

    public async Task OnFaultAsync(FaultEvent fault, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fault);
        switch (fault.Kind)
        {
            case FaultEventKind.Injecting:
                await _cluster.RememberLeadersAsync().ConfigureAwait(false);
                break;
            case FaultEventKind.Injected:
                var mark = _history.Ledger.BeginFault(fault.Fault.Description, fault.Fault.ResolvedBrokers);
                lock (_last) _open[fault.Fault] = _last[fault.Fault] = mark;
                break;
            case FaultEventKind.Healed:
                FaultMark? healed;
                lock (_last) _open.Remove(fault.Fault, out healed);
                if (healed is not null) _history.Ledger.EndFault(healed);
                break;
        }
    }
}
