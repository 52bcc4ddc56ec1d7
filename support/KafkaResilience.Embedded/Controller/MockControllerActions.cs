using KafkaResilience.Embedded.Native;

namespace KafkaResilience.Embedded.Controller;

/// <summary>The controller emulation's actions carried out on librdkafka's mock cluster.</summary>
internal sealed class MockControllerActions(MockApi api, IntPtr cluster) : IControllerActions
{
    public void SetLeader(string topic, int partition, int brokerId) => api.PartitionSetLeader(cluster, topic, partition, brokerId);

    public void SetGroupCoordinator(string groupId, int brokerId) => api.CoordinatorSet(cluster, "group", groupId, brokerId);

    public void SetTransactionCoordinator(string transactionalId, int brokerId) => api.CoordinatorSet(cluster, "transaction", transactionalId, brokerId);
}
