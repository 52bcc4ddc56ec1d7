namespace KafkaResilience.Cluster;

/// <summary>
/// One broker as the target sees it now, and why, in a few words ("killed", "fenced by the controller emulation",
/// "from its clients"); <see cref="Note"/> is null when there is nothing to add.
/// </summary>
public sealed record BrokerStatus(int BrokerId, BrokerState State, string? Note = null);
