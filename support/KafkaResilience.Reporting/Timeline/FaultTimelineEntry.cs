namespace KafkaResilience.Reporting.Timeline;

/// <summary>One line of a fault timeline: when (wall clock), what kind, and what in words.</summary>
public sealed record FaultTimelineEntry(DateTimeOffset At, FaultTimelineEntryKind Kind, string Text)
{
    public override string ToString() => $"{At:HH:mm:ss.fff} {Kind,-17} {Text}";
}
