namespace KafkaResilience.Targets;

/// <summary>How starting a target ended.</summary>
public enum ClusterStartStatus
{
    /// <summary>The cluster runs; use <see cref="ClusterStartResult.Cluster"/>.</summary>
    Started,
    /// <summary>The target cannot run here (e.g. docker without an engine): skip Kafka scenarios with the reason.</summary>
    Unavailable,
    /// <summary>The target should run but did not (unreachable external cluster, container start failure): fail with the reason.</summary>
    Failed,
}
