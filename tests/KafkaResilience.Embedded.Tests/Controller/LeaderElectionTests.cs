using FluentAssertions;
using KafkaResilience.Embedded.Controller;
using Xunit;

namespace KafkaResilience.Embedded.Tests.Controller;

public sealed class LeaderElectionTests
{
    private static readonly PartitionAssignment[] Q1 =
    [
        new("q_1", 0, [105, 106, 108], 105),
        new("q_1", 1, [106, 108, 105], 106),
        new("q_1", 2, [108, 105, 106], 108),
    ];

    [Fact]
    public void Losing_106_moves_only_its_partition_to_the_next_live_replica()
    {
        var moves = LeaderElection.FailOver(Q1, lost: 106, alive: new HashSet<int> { 105, 108 });

        moves.Should().Equal(new LeaderMove("q_1", 1, 106, 108));
    }

    [Fact]
    public void A_partition_without_a_live_replica_loses_its_leader()
    {
        var moves = LeaderElection.FailOver(Q1, lost: 106, alive: new HashSet<int>());

        moves.Should().Equal(new LeaderMove("q_1", 1, 106, null));
    }

    [Fact]
    public void A_rejoining_broker_takes_back_only_leaderless_partitions_it_replicates()
    {
        PartitionAssignment[] partitions = [Q1[0] with { Leader = null }, Q1[1] with { Leader = 108 }];

        LeaderElection.Rejoin(partitions, rejoined: 106).Should().Equal(new LeaderMove("q_1", 0, null, 106));
    }

    [Fact]
    public void Preferred_election_returns_partitions_to_their_first_replica_when_it_is_alive()
    {
        PartitionAssignment[] partitions = [Q1[0], Q1[1] with { Leader = 108 }, Q1[2] with { Leader = 105 }];

        var moves = LeaderElection.Preferred(partitions, alive: new HashSet<int> { 105, 106 });

        moves.Should().Equal(new LeaderMove("q_1", 1, 108, 106));
    }

    [Fact]
    public void A_coordinator_moves_to_the_next_live_broker_in_order_and_wraps()
    {
        LeaderElection.CoordinatorAfterLoss(108, [105, 106, 108], new HashSet<int> { 105, 106 }).Should().Be(105);
        LeaderElection.CoordinatorAfterLoss(105, [105, 106, 108], new HashSet<int> { 108 }).Should().Be(108);
        LeaderElection.CoordinatorAfterLoss(105, [105, 106, 108], new HashSet<int>()).Should().BeNull();
    }

    [Fact]
    public void The_hashed_coordinator_indexes_the_mock_broker_list_by_crc32()
    {
        // CRC-32("123456789") = 0xCBF43926, the standard check value; 0xCBF43926 % 3 = 2 -> the third broker.
        Crc32.Compute("123456789"u8).Should().Be(0xCBF43926u);
        LeaderElection.HashedCoordinator("123456789", [105, 106, 108]).Should().Be(108);
        LeaderElection.HashedCoordinator("123456789", [105, 106, 108, 109]).Should().Be(108, "0xCBF43926 % 4 = 2");
    }
}
