namespace KafkaResilience.Workloads.History;

/// <summary>A fault on the run's timeline, in seconds from the start: injected, healed, first ack and first read after it.</summary>
public sealed record FaultSummary(string Name, string Description, double InjectedAt, double? HealedAt, double? FirstAckAfter, double? FirstConsumeAfter);
