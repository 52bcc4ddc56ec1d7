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
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions
        {
            Topics = [new TopicSpec("q_1", 3, 3)],
        }, TestContext.Current.CancellationToken);

        // When
        Metadata metadata;
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).Build())
            metadata = admin.GetMetadata("q_1", TimeSpan.FromSeconds(10));
        var description = await cluster.DescribeTopicAsync("q_1", TestContext.Current.CancellationToken);

        // Then
        metadata.Brokers.Select(b => b.BrokerId).Should().BeEquivalentTo([105, 106, 108]);
        metadata.Topics.Single().Partitions.OrderBy(p => p.PartitionId).Select(p => p.Leader).Should().Equal(105, 106, 108);
        description.Partitions.Select(p => p.Leader).Should().Equal(105, 106, 108);
        description.Partitions[1].Replicas.Should().Equal(106, 108, 105);
        Library.HandleCount.Should().Be(0);
    }
}
