using KafkaResilience.Cluster;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// The one history of a scenario, on one clock (Jepsen keeps the nemesis's operations in the same history as the
/// clients'): every send and read the workloads record, every fault with its brokers, every note of what the scenario
/// did besides (a consumer crashed, a broker started again), the cluster's leadership changes as it records them, the
/// leaders read before the faults and by the Thens, the outcome of every judged wait and the cluster snapshots around
/// each fault. Checkers judge its snapshots and nothing else. Injected per scenario.
/// </summary>
public sealed class ScenarioHistory
{
    private IKafkaCluster? _followed;

    public ScenarioHistory()
        : this(new LedgerOptions())
    {
    }

    /// <summary>A history on a chosen clock (unit tests: a manual one).</summary>
    internal ScenarioHistory(LedgerOptions options) => Ledger = new HistoryLedger(options);

    /// <summary>The ledger every workload and role of the scenario records into.</summary>
    public HistoryLedger Ledger { get; }

    /// <summary>Everything recorded so far.</summary>
    public HistorySnapshot Snapshot()
    {
        CatchUpLeadership();
        return Ledger.Snapshot();
    }

    /// <summary>The leadership changes recorded so far, in time order.</summary>
    public IReadOnlyList<LeadershipChange> LeadershipChanges()
    {
        CatchUpLeadership();
        return Ledger.LeadershipChanges;
    }

    /// <summary>Records the cluster's leadership changes as the cluster records them (once the scenario's cluster started), and those it already has.</summary>
    internal void Follow(IKafkaCluster cluster)
    {
        _followed = cluster ?? throw new ArgumentNullException(nameof(cluster));
        cluster.LeadershipChanged += Ledger.RecordLeadershipChange;
        Ledger.RecordLeadershipChanges(cluster.LeadershipChanges);
    }

    /// <summary>
    /// A target announces a change right after it recorded it, outside its lock; a snapshot taken in between still holds
    /// it, because the target's own list is read too (the ledger keeps each change once).
    /// </summary>
    private void CatchUpLeadership()
    {
        if (_followed is { } cluster) Ledger.RecordLeadershipChanges(cluster.LeadershipChanges);
    }

    /// <summary>Notes what the scenario did, now, on the history's clock.</summary>
    public void Note(string text) => Ledger.Note(text);
}
