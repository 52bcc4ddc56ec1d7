namespace KafkaResilience.Embedded.Controller;

/// <summary>What the controller emulation does to the cluster it runs: the mock, or a fake in unit tests.</summary>
internal interface IControllerActions
{
    void SetLeader(string topic, int partition, int brokerId);

    /// <summary>Pins a group's coordinator. <paramref name="brokerId"/> is always one of the cluster's brokers.</summary>
    void SetGroupCoordinator(string groupId, int brokerId);

    /// <summary>Pins the coordinator of a transactional.id. <paramref name="brokerId"/> is always one of the cluster's brokers.</summary>
    void SetTransactionCoordinator(string transactionalId, int brokerId);
}
