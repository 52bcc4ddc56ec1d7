using FluentAssertions;
using KafkaResilience.Cluster;
using KafkaResilience.Cluster.Admin;

namespace KafkaResilience.Targets.Tests.Admin;

public sealed class LeadershipTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static TopicDescription Topic(params int?[] leaders) =>
        new("q_1", leaders.Select((l, i) => new PartitionState(i, l, [105, 106, 108], l is null ? [] : [l.Value])).ToArray());

    [Fact]
    public void The_first_observation_is_a_baseline_not_a_change()
    {
        var tracker = new LeadershipTracker();

        tracker.Observe(Topic(105, 106, 108), T0, "poll").Should().BeEmpty();
        tracker.Changes.Should().BeEmpty();
        tracker.Topics.Should().Equal("q_1");
    }

    [Fact]
    public void A_moved_leader_is_recorded_with_time_from_to_and_cause()
    {
        var tracker = new LeadershipTracker();
        tracker.Observe(Topic(105, 106, 108), T0, "poll");

        var changes = tracker.Observe(Topic(105, 108, 108), T0.AddSeconds(9), "last fault: kill of broker 106");

        changes.Should().Equal(new LeadershipChange(T0.AddSeconds(9), "q_1", 1, 106, 108, "last fault: kill of broker 106"));
        tracker.Changes.Should().Equal(changes);
    }

    [Fact]
    public void A_partition_without_leader_and_its_recovery_are_two_changes()
    {
        var tracker = new LeadershipTracker();
        tracker.Observe(Topic(105), T0, "poll");
        tracker.Observe(Topic([null]), T0.AddSeconds(1), "poll");
        tracker.Observe(Topic(106), T0.AddSeconds(2), "poll");

        tracker.Changes.Select(c => (c.From, c.To)).Should().Equal((105, (int?)null), ((int?)null, 106));
    }

    [Fact]
    public void Diff_ignores_partitions_that_only_one_side_knows()
    {
        var before = Topic(105);
        var after = Topic(106, 108);

        LeadershipTracker.Diff(before, after, T0, "x").Should().ContainSingle().Which.Partition.Should().Be(0);
    }

    [Fact]
    public void A_coordinator_move_is_recorded_as_a_change_without_partition()
    {
        var tracker = new LeadershipTracker();
        tracker.ObserveCoordinator("g1", 106, T0, "poll").Should().BeNull();

        var change = tracker.ObserveCoordinator("g1", 105, T0.AddSeconds(3), "poll");

        change.Should().Be(new LeadershipChange(T0.AddSeconds(3), "g1", null, 106, 105, "poll"));
        change!.IsCoordinatorChange.Should().BeTrue();
        tracker.ObserveCoordinator("g1", 105, T0.AddSeconds(4), "poll").Should().BeNull();
    }

    [Fact]
    public void Observe_raises_each_change_it_finds_once_and_a_baseline_raises_nothing()
    {
        // Given
        var tracker = new LeadershipTracker();
        var heard = new List<LeadershipChange>();
        tracker.Changed += heard.Add;
        tracker.Observe(Topic(105, 106, 108), T0, "poll");
        heard.Should().BeEmpty("the first observation is a baseline");

        // When leaders move, then the same description is observed again
        var changes = tracker.Observe(Topic(108, 105, 108), T0.AddSeconds(9), "poll");
        tracker.Observe(Topic(108, 105, 108), T0.AddSeconds(10), "poll");

        // Then
        changes.Should().HaveCount(2);
        heard.Should().Equal(changes);
        heard.Should().Equal(tracker.Changes);
    }

    [Fact]
    public void ObserveCoordinator_raises_a_coordinator_move_once()
    {
        var tracker = new LeadershipTracker();
        var heard = new List<LeadershipChange>();
        tracker.Changed += heard.Add;
        tracker.ObserveCoordinator("g1", 106, T0, "poll");

        var change = tracker.ObserveCoordinator("g1", 105, T0.AddSeconds(3), "poll");
        tracker.ObserveCoordinator("g1", 105, T0.AddSeconds(4), "poll");

        heard.Should().Equal(change!);
        heard.Should().Equal(tracker.Changes);
    }

    [Fact]
    public void A_listener_that_throws_does_not_break_the_observation()
    {
        var tracker = new LeadershipTracker();
        tracker.Changed += _ => throw new InvalidOperationException("a broken history");
        tracker.Observe(Topic(105), T0, "poll");

        var observe = () => tracker.Observe(Topic(106), T0.AddSeconds(1), "poll");

        observe.Should().NotThrow().Which.Should().ContainSingle();
        tracker.Changes.Should().ContainSingle();
    }
}
