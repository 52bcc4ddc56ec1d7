namespace KafkaResilience.Embedded.Controller;

/// <summary>A leadership move the controller emulation decided: partition, from, to (null = no leader).</summary>
public sealed record LeaderMove(string Topic, int Partition, int? From, int? To);
