namespace KafkaResilience.Workloads.History.Observations;

/// <summary>When, relative to its fault, a cluster snapshot was taken.</summary>
public enum SnapshotMoment
{
    /// <summary>Right before the fault was injected.</summary>
    BeforeFault,
    /// <summary>Once the fault had taken effect (the leaders settled after it, or just before its heal).</summary>
    InEffect,
    /// <summary>Right after the fault was healed (or, for a fault that heals itself, right after it).</summary>
    AfterHeal,
}
