using FluentAssertions;
using KafkaResilience.Cluster;
using KafkaResilience.Embedded.Controller;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace KafkaResilience.Embedded.Tests.Controller;

public sealed class ControllerEmulationTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(3);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly RecordingActions _actions = new();

    private ControllerEmulation NewController()
    {
        var controller = new ControllerEmulation([105, 106, 108], [105, 106, 108], Delay, _actions, _clock);
        controller.AddTopic(new TopicSpec("q_1", 3, 3));
        return controller;
    }

    [Fact]
    public void Initial_leaders_are_set_on_the_mock_deterministically()
    {
        using var controller = NewController();

        _actions.Leaders.Should().Equal(("q_1", 0, 105), ("q_1", 1, 106), ("q_1", 2, 108));
        controller.Changes.Should().BeEmpty("initial placement is not a change");
    }

    [Fact]
    public void A_killed_leader_keeps_its_partitions_until_the_detection_delay_has_passed()
    {
        using var controller = NewController();
        controller.BrokerUnreachable(106, "killed");

        _clock.Advance(Delay - TimeSpan.FromMilliseconds(1));
        controller.Describe("q_1").LeaderOf(1).Should().Be(106);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        controller.Describe("q_1").LeaderOf(1).Should().Be(108);
        var change = controller.Changes.Should().ContainSingle().Subject;
        change.Should().BeEquivalentTo(new { Topic = "q_1", Partition = 1, From = 106, To = 108 });
        change.At.Should().Be(_clock.GetUtcNow());
        controller.Describe("q_1").Partitions[1].InSyncReplicas.Should().Equal(108, 105);
    }

    [Fact]
    public void A_pause_shorter_than_the_delay_moves_nothing()
    {
        using var controller = NewController();
        controller.BrokerUnreachable(106, "paused");
        _clock.Advance(Delay / 2);
        controller.BrokerReachable(106);

        _clock.Advance(Delay * 2);

        controller.Changes.Should().BeEmpty();
        controller.Describe("q_1").LeaderOf(1).Should().Be(106);
    }

    [Fact]
    public void A_restarted_broker_does_not_take_leadership_back_until_a_preferred_election()
    {
        using var controller = NewController();
        controller.BrokerUnreachable(106, "killed");
        _clock.Advance(Delay);

        controller.BrokerReachable(106);
        controller.Describe("q_1").LeaderOf(1).Should().Be(108);

        controller.ElectPreferredLeaders("q_1").Should().Equal(new LeaderMove("q_1", 1, 108, 106));
        controller.Describe("q_1").LeaderOf(1).Should().Be(106);
        controller.Changes.Select(c => c.Cause).Last().Should().Be("preferred leader election");
    }

    [Fact]
    public void A_controlled_shutdown_moves_leadership_at_once()
    {
        using var controller = NewController();

        controller.ControlledShutdown(108);

        controller.Describe("q_1").LeaderOf(2).Should().Be(105);
        controller.Changes.Should().ContainSingle().Which.Cause.Should().Contain("controlled shutdown");
    }

    [Fact]
    public void A_known_group_coordinator_moves_off_a_lost_broker_and_never_to_a_dead_one()
    {
        using var controller = NewController();
        var group = Enumerable.Range(0, 100).Select(i => $"g{i}").First(g => LeaderElection.HashedCoordinator(g, [105, 106, 108]) == 108);
        controller.CoordinatorOf(group).Should().Be(108);

        controller.BrokerUnreachable(105, "killed");
        controller.BrokerUnreachable(108, "killed");
        _clock.Advance(Delay);

        controller.CoordinatorOf(group).Should().Be(106);
        _actions.Coordinators.Should().OnlyContain(c => c.BrokerId == 108 || c.BrokerId == 106 || c.BrokerId == 105);
        _actions.Coordinators.Last().Should().Be((group, 106));
    }

    [Fact]
    public void A_known_transaction_coordinator_moves_off_a_lost_broker_as_a_group_coordinator_does()
    {
        using var controller = NewController();
        var transactionalId = Enumerable.Range(0, 100).Select(i => $"tx{i}").First(t => LeaderElection.HashedCoordinator(t, [105, 106, 108]) == 106);
        controller.TransactionCoordinatorOf(transactionalId).Should().Be(106);

        controller.BrokerUnreachable(106, "killed");
        _clock.Advance(Delay);

        controller.TransactionCoordinatorOf(transactionalId).Should().Be(108);
        _actions.TransactionCoordinators.Should().Equal((transactionalId, 106), (transactionalId, 108));
        _actions.Coordinators.Should().BeEmpty("a transactional.id is not a group");
        controller.Changes.Should().Contain(c => c.IsCoordinatorChange && c.Topic == "transactional.id " + transactionalId && c.From == 106 && c.To == 108);
    }

    [Fact]
    public void Every_change_carries_the_clock_time_of_the_fence()
    {
        using var controller = NewController();
        controller.BrokerUnreachable(105, "isolated");
        _clock.Advance(Delay);
        var fencedAt = _clock.GetUtcNow();

        controller.Changes.Should().ContainSingle().Which.At.Should().Be(fencedAt);
    }

    [Fact]
    public void A_fence_when_the_delay_runs_out_is_announced_by_the_timer_once_per_move()
    {
        // Given broker 106 leads partition 1 and coordinates a group
        using var controller = NewController();
        var group = Enumerable.Range(0, 100).Select(i => $"g{i}").First(g => LeaderElection.HashedCoordinator(g, [105, 106, 108]) == 106);
        controller.CoordinatorOf(group).Should().Be(106);
        var heard = new List<LeadershipChange>();
        controller.Changed += heard.Add;
        controller.BrokerUnreachable(106, "killed");

        // When the detection delay runs out (the timer fires)
        _clock.Advance(Delay);
        var heardFromTheTimer = heard.ToList();
        controller.AnnounceChanges();

        // Then
        controller.Changes.Should().Contain(c => c.Partition == 1 && c.From == 106).And.Contain(c => c.IsCoordinatorChange && c.From == 106);
        heardFromTheTimer.Should().Equal(controller.Changes);
        heard.Should().Equal(controller.Changes, "announcing again repeats nothing");
    }

    [Fact]
    public void A_move_made_for_a_caller_is_announced_only_when_the_caller_announces()
    {
        // Given
        using var controller = NewController();
        var heard = new List<LeadershipChange>();
        controller.Changed += heard.Add;

        // When
        controller.ControlledShutdown(106);
        var beforeAnnouncing = heard.ToList();
        controller.AnnounceChanges();

        // Then
        beforeAnnouncing.Should().BeEmpty("the caller may still hold its lock");
        controller.Changes.Should().ContainSingle();
        heard.Should().Equal(controller.Changes);
    }

    private sealed class RecordingActions : IControllerActions
    {
        public List<(string Topic, int Partition, int BrokerId)> Leaders { get; } = [];
        public List<(string Group, int BrokerId)> Coordinators { get; } = [];

        public void SetLeader(string topic, int partition, int brokerId) => Leaders.Add((topic, partition, brokerId));

        public void SetGroupCoordinator(string groupId, int brokerId) => Coordinators.Add((groupId, brokerId));

        public List<(string TransactionalId, int BrokerId)> TransactionCoordinators { get; } = [];

        public void SetTransactionCoordinator(string transactionalId, int brokerId) => TransactionCoordinators.Add((transactionalId, brokerId));
    }
}
