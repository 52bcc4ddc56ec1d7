using KafkaResilience.Cluster;
using KafkaResilience.Chaos.Timeline;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// The one history of a scenario, on one clock: every send and read the workloads record, every fault the
/// nemesis marks (once, on the ledger), the timeline of what the scenario did besides (a consumer crashed, a
/// broker started again) and the cluster's leadership changes. Checkers judge its snapshots. Injected per scenario.
/// </summary>
public sealed class ScenarioHistory
{
    private Func<IReadOnlyList<LeadershipChange>>? _leadership;

    public ScenarioHistory()
        : this(new LedgerOptions())
    {
    }

    /// <summary>A history on a chosen clock (unit tests: a manual one).</summary>
    internal ScenarioHistory(LedgerOptions options)
    {
        Ledger = new HistoryLedger(options);
        Timeline = new FaultTimeline(() => Ledger.OriginWallClock + Ledger.Elapsed(Ledger.Now()));
    }

    /// <summary>The ledger every workload of the scenario records into.</summary>
    public HistoryLedger Ledger { get; }

    /// <summary>The notes and leadership changes beside the faults, on the ledger's clock.</summary>
    public FaultTimeline Timeline { get; }

    /// <summary>Everything recorded so far, with the cluster's leadership changes.</summary>
    public HistorySnapshot Snapshot() => Ledger.Snapshot(_leadership?.Invoke());

    /// <summary>Takes the cluster's leadership changes into every snapshot from now on (once the scenario's cluster started).</summary>
    internal void FollowLeadership(Func<IReadOnlyList<LeadershipChange>> changes) => _leadership = changes ?? throw new ArgumentNullException(nameof(changes));

    /// <summary>Notes what the scenario did, now, on the history's clock.</summary>
    public void Note(string text) => Timeline.Note(text);
}
