namespace KafkaResilience.Workloads.History;

/// <summary>A producer instance told it was fenced (another instance took its transactional.id): who, when, and the client's error.</summary>
public sealed record FencingEvent(string TransactionalId, int Producer, string Name, TimeSpan At, string Error);
