using FluentAssertions;
using KafkaResilience.Cluster;
using KafkaResilience.Embedded.Controller;
using Xunit;

namespace KafkaResilience.Embedded.Tests.Controller;

public sealed class ReplicaPlacementTests
{
    [Fact]
    public void Partition_p_starts_at_broker_p_and_its_first_replica_leads()
    {
        var placed = ReplicaPlacement.Place(new TopicSpec("q_1", 4, 3), [105, 106, 108]);

        placed.Select(p => p.Replicas).Should().BeEquivalentTo(new[]
        {
            new[] { 105, 106, 108 }, [106, 108, 105], [108, 105, 106], [105, 106, 108],
        }, o => o.WithStrictOrdering());
        placed.Select(p => p.Leader).Should().Equal(105, 106, 108, 105);
    }

    [Fact]
    public void Replication_factor_one_gives_each_partition_one_broker()
    {
        var placed = ReplicaPlacement.Place(new TopicSpec("t", 3, 1), [105, 106, 108]);

        placed.Select(p => p.Replicas.Single()).Should().Equal(105, 106, 108);
    }

    [Fact]
    public void A_replication_factor_above_the_broker_count_is_refused_by_name()
    {
        var act = () => ReplicaPlacement.Place(new TopicSpec("t", 3, 4), [105, 106, 108]);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("ReplicationFactor");
    }
}
