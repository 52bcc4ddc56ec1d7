using Confluent.Kafka;
using FluentAssertions;
using KafkaResilience.Cluster;
using KafkaResilience.Cluster.Admin;

namespace KafkaResilience.Targets.Tests.Admin;

public sealed class AdminTopicMappingTests
{
    private static Node N(int id) => new() { Id = id, Host = $"kafka-{id}", Port = 9092 };

    [Fact]
    public void Partitions_are_ordered_and_carry_leader_replicas_and_isr_as_broker_ids()
    {
        var description = new Confluent.Kafka.Admin.TopicDescription
        {
            Name = "q_1",
            Partitions =
            [
                new TopicPartitionInfo { Partition = 1, Leader = N(108), Replicas = [N(108), N(105), N(106)], ISR = [N(108), N(105)] },
                new TopicPartitionInfo { Partition = 0, Leader = N(105), Replicas = [N(105), N(106), N(108)], ISR = [N(105), N(106), N(108)] },
                new TopicPartitionInfo { Partition = 2, Leader = null, Replicas = [N(106)], ISR = [] },
            ],
        };

        var mapped = AdminTopicMapping.ToTopicDescription(description);

        mapped.Name.Should().Be("q_1");
        mapped.Partitions.Should().HaveCount(3);
        mapped.Partitions[0].Should().BeEquivalentTo(new PartitionState(0, 105, [105, 106, 108], [105, 106, 108]));
        mapped.Partitions[1].Should().BeEquivalentTo(new PartitionState(1, 108, [108, 105, 106], [108, 105]));
        mapped.LeaderOf(2).Should().BeNull();
    }

    [Fact]
    public void A_leader_node_with_id_minus_one_means_no_leader()
    {
        var description = new Confluent.Kafka.Admin.TopicDescription
        {
            Name = "t",
            Partitions = [new TopicPartitionInfo { Partition = 0, Leader = N(-1), Replicas = [N(105)], ISR = [] }],
        };

        AdminTopicMapping.ToTopicDescription(description).LeaderOf(0).Should().BeNull();
    }
}
