namespace KafkaResilience.Chaos.Vocabulary;

/// <summary>Who sends: "a producer", "N producers" (N instances, one thread each) or "N threads sharing one producer".</summary>
public sealed record ProducerSetup(int Instances, int Threads);
