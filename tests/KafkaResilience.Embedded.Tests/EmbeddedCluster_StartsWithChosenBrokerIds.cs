using Confluent.Kafka;
using FluentAssertions;
using KafkaResilience.Cluster;
using Xunit;

namespace KafkaResilience.Embedded.Tests;

public sealed class EmbeddedCluster_StartsWithChosenBrokerIds
{
    [Fact]
    public async Task Metadata_lists_brokers_105_106_108_and_the_deterministic_leaders()
    {
        // Given
        var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions
        {
            Topics = [new TopicSpec("q_1", 3, 3)],
        }, TestContext.Current.CancellationToken);
        var ports = ResourceLeaks.PortsOf(cluster);

        // When
        Metadata metadata;
        TopicDescription description;
        await using (cluster)
        {
            using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).Build())
                metadata = admin.GetMetadata("q_1", TimeSpan.FromSeconds(10));
            description = await cluster.DescribeTopicAsync("q_1", TestContext.Current.CancellationToken);
        }

        // Then
        metadata.Brokers.Select(b => b.BrokerId).Should().BeEquivalentTo([105, 106, 108]);
        metadata.Topics.Single().Partitions.OrderBy(p => p.PartitionId).Select(p => p.Leader).Should().Equal(105, 106, 108);
        description.Partitions.Select(p => p.Leader).Should().Equal(105, 106, 108);
        description.Partitions[1].Replicas.Should().Equal(106, 108, 105);
        await ResourceLeaks.AssertNoneLeftAsync(ports);
    }

    [Fact]
    public async Task A_broker_keeps_its_port_across_kill_and_start()
    {
        // Given
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions(), TestContext.Current.CancellationToken);
        var before = cluster.ListenerOf(106);

        // When
        await cluster.KillAsync(106, TestContext.Current.CancellationToken);
        await cluster.StartAsync(106, TestContext.Current.CancellationToken);
        Metadata metadata;
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).Build())
            metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));

        // Then
        var broker = metadata.Brokers.Single(b => b.BrokerId == 106);
        $"{broker.Host}:{broker.Port}".Should().Be(cluster.AdvertisedAddresses[106]);
        cluster.ListenerOf(106).Should().Be(before);
    }

    [Fact]
    public async Task Broker_id_1_can_be_chosen_too()
    {
        // Given / When
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { BrokerIds = [1, 2, 3] }, TestContext.Current.CancellationToken);
        Metadata metadata;
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).Build())
            metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));

        // Then
        metadata.Brokers.Select(b => b.BrokerId).Should().BeEquivalentTo([1, 2, 3]);
    }
}
