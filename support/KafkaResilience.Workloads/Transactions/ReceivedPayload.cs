using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Transactions;

/// <summary>A record's value as the consumer sees it: its header if it is one of ours, and its length.</summary>
internal readonly record struct ReceivedPayload(bool Ours, PayloadHeader Header, int Length);
