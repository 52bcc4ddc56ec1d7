namespace KafkaResilience.Workloads.History.Observations;

/// <summary>
/// A topic's leaders as the cluster described them at one instant of the run (on the history's clock), and why they were
/// read: the history keeps what a leadership checker judges, so no checker asks the cluster itself.
/// </summary>
public sealed record LeadersRecord(TimeSpan At, LeadersMoment Moment, PartitionLeaders Leaders);
