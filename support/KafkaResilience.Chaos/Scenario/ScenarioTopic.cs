namespace KafkaResilience.Chaos.Scenario;

/// <summary>A topic the scenario created, and how many partitions it has.</summary>
public sealed record ScenarioTopic(string Name, int Partitions);
