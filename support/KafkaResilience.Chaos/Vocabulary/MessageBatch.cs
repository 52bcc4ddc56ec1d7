namespace KafkaResilience.Chaos.Vocabulary;

/// <summary>"N messages of S bytes": how many messages, and how big each one is.</summary>
public sealed record MessageBatch(long Count, int Size);
