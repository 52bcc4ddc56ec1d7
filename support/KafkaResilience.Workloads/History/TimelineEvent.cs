namespace KafkaResilience.Workloads.History;

/// <summary>Something that happened during a run (a consumer crashed, a workload started), placed on the run's timeline.</summary>
public sealed record TimelineEvent(TimeSpan At, string Kind, string Description)
{
    /// <summary>The kind of an event the scenario noted itself (<see cref="HistoryLedger.Note"/>).</summary>
    public const string NoteKind = "note";
}
