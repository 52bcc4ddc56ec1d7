namespace KafkaResilience.Reporting.Timeline;

/// <summary>What happened at a point of the fault timeline.</summary>
public enum FaultTimelineEntryKind
{
    Injected,
    Healed,
    LeaderChange,
    CoordinatorChange,
    Note,
}
