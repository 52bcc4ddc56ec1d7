using FluentAssertions;
using KafkaResilience.Workloads.Checkers;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Checkers;

public sealed class LeaderChangeCheckerTests
{
    private static readonly LeaderChangeExpectation Off106 = new("q_1", LostBroker: 106, AllowedNewLeaders: [105, 108], MustNotMoveBack: true);

    [Fact]
    public void Leadership_moved_off_the_lost_broker_to_an_allowed_one_is_valid_and_listed()
    {
        var h = new LiteralHistory().LeaderChange("q_1", 2, 106, 108, at: 3.5).LeaderChange("other", 0, 105, 108, at: 3);
        var v = new LeaderChangeChecker(Off106).Check(h.Snapshot(5));
        v.Validity.Should().Be(Validity.Valid);
        v.Numbers["changes"].Should().Be(1);
        v.Examples.Should().ContainSingle().Which.Should().Be("q_1-2: 106 -> 108 at +3.500s (test)");
    }

    [Fact]
    public void No_leader_change_when_the_broker_was_lost_is_invalid()
    {
        var v = new LeaderChangeChecker(Off106).Check(new LiteralHistory().Snapshot(5));
        v.Validity.Should().Be(Validity.Invalid);
        v.Examples.Should().Contain("no partition leadership moved off broker 106");
    }

    [Fact]
    public void Leadership_moving_back_after_a_restart_is_invalid_when_forbidden()
    {
        var h = new LiteralHistory().LeaderChange("q_1", 2, 106, 108, at: 3).LeaderChange("q_1", 2, 108, 106, at: 9);
        var v = new LeaderChangeChecker(Off106).Check(h.Snapshot(10));
        v.Validity.Should().Be(Validity.Invalid);
        v.Examples.Should().Contain("partition 2 moved back to 106");
    }

    [Fact]
    public void A_new_leader_outside_the_allowed_set_is_invalid()
    {
        var h = new LiteralHistory().LeaderChange("q_1", 0, 106, 107, at: 3);
        new LeaderChangeChecker(Off106).Check(h.Snapshot(5)).Validity.Should().Be(Validity.Invalid);
    }

    [Fact]
    public void Without_an_expectation_changes_are_only_listed()
    {
        var v = new LeaderChangeChecker(new LeaderChangeExpectation("q_1")).Check(new LiteralHistory().Snapshot(1));
        v.Validity.Should().Be(Validity.Valid);
        v.Summary.Should().Be("no leader change on q_1");
    }
}
