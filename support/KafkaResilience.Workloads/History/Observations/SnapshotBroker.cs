namespace KafkaResilience.Workloads.History.Observations;

/// <summary>One broker in a cluster snapshot: its id, its state ("up", "down", "paused", "cut off", "unknown") and why, when the target says.</summary>
public sealed record SnapshotBroker(int Id, string State, string? Note)
{
    /// <summary>"down (killed)", or the state alone.</summary>
    public string Shown => Note is null ? State : $"{State} ({Note})";
}
