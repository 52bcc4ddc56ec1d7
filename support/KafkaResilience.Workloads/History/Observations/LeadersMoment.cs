namespace KafkaResilience.Workloads.History.Observations;

/// <summary>Why a topic's leaders were read into the history: as they stood before the faults, or as a step observed them to judge them.</summary>
public enum LeadersMoment
{
    /// <summary>Before the first fault touched them (read once per topic, right before a fault fires or when a premise is checked).</summary>
    BeforeFaults,

    /// <summary>Read by a Then that judges leadership, right before it is judged.</summary>
    Observed,
}
