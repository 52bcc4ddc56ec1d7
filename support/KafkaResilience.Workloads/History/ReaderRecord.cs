namespace KafkaResilience.Workloads.History;

/// <summary>A group the scenario started reading <paramref name="TopicReference"/> (a topic, or "prefix*" for several): evidence that its reads were gathered.</summary>
public sealed record ReaderRecord(string Group, string TopicReference);
