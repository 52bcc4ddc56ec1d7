using FluentAssertions;
using KafkaResilience.Reporting;
using Xunit;
using KafkaResilience.Workloads.Checkers;

namespace KafkaResilience.Chaos.Tests.Scenario;

/// <summary>The Then steps about consumer groups, each passing and failing, groups told apart by their members.</summary>
public sealed class ScenarioJudgeGroupTests
{
    // Group "g" (g-0 and g-1 read 50 each from 2 s to 4 s, g-2 nothing); group "g-late" (g-late-0) reads 100 from 5 s to 6 s.
    private static LiteralScenario TwoGroups()
    {
        var s = new LiteralScenario();
        var stream = s.Send(200)[0];
        s.AckRange(stream, 0, 200, at: 1);
        var g = s.Group("g", 3);
        var late = s.Group("g-late", 1);
        s.ReadRange(g[0], stream, 0, 50, at: 2).ReadRange(g[1], stream, 50, 100, at: 4);
        s.ReadRange(late[0], stream, 100, 150, at: 5).ReadRange(late[0], stream, 150, 200, at: 6);
        return s;
    }

    [Fact]
    public void The_consumer_floor_is_the_last_group_s_rate_and_its_members_only()
    {
        var s = TwoGroups();

        // "g-late" started last: 100 records in 1 s
        s.Step("Then the consumers read at least 100 messages per second", () => s.Judge.ConsumerRateAtLeast(100))
            .ShouldHavePassed("Then the consumers read at least 100 messages per second");
        var failed = s.Step("Then the consumers read at least 101 messages per second", () => s.Judge.ConsumerRateAtLeast(101));
        failed.ShouldHaveFailedAs(VerdictCategory.ThroughputBelowFloor);
        failed.Verdict.Measured.Should().Be("group \"g-late\" read 100 messages in 1.000 s = 100 msg/s");
    }

    [Fact]
    public void A_group_that_reads_faster_than_the_ratio_allows_fails_as_throughput_above_ceiling()
    {
        var s = TwoGroups();

        s.Step("Then group \"g-late\" read at most 2 times as fast as group \"g\"", () => s.Judge.GroupRateRatio("g-late", "g", 2))
            .ShouldHavePassed("Then group \"g-late\" read at most 2 times as fast as group \"g\"");
        s.Step("Then group \"g-late\" read at most 1.5 times as fast as group \"g\"", () => s.Judge.GroupRateRatio("g-late", "g", 1.5))
            .ShouldHaveFailedAs(VerdictCategory.ThroughputAboveCeiling);
    }

    [Fact]
    public void Idle_consumers_are_counted_exactly()
    {
        var s = TwoGroups();

        s.Step("Then exactly 1 consumers of group \"g\" received no message", () => s.Judge.IdleConsumers(1, "g"))
            .ShouldHavePassed("Then exactly 1 consumers of group \"g\" received no message");
        s.Step("Then exactly 2 consumers of group \"g\" received no message", () => s.Judge.IdleConsumers(2, "g"))
            .ShouldHaveFailedAs(VerdictCategory.ConsumersIdle);
        s.Step("Then exactly 0 consumers received no message", () => s.Judge.IdleConsumers(0))
            .ShouldHavePassed("Then exactly 0 consumers received no message");
        s.Step("Then exactly 1 consumers received no message", () => s.Judge.IdleConsumers(1))
            .ShouldHaveFailedAs(VerdictCategory.ConsumersIdle);
    }

    [Fact]
    public void Every_consumer_received_fails_on_an_idle_member()
    {
        var s = TwoGroups();

        s.Step("Then every consumer received messages", () => s.Judge.EveryConsumerReceived())
            .ShouldHavePassed("Then every consumer received messages");
        var failed = s.Step("Then every consumer received messages", () => s.Judge.EveryConsumerReceived("g"));
        failed.ShouldHaveFailedAs(VerdictCategory.ConsumersIdle);
        failed.Verdict.Verdict.Examples.Should().Equal("g-2");
    }

    [Fact]
    public void A_late_group_reads_what_its_offset_reset_allows_before_it_joined_and_all_after()
    {
        // Given 10 messages written before the group joined, and a send of 5 after it, of which it read 4
        var s = new LiteralScenario();
        s.AckRange(s.Send(10, prefill: true)[0], 0, 10, at: 1);
        var reader = s.Group("late-latest", 1)[0];
        var after = s.Send(5)[0];
        s.AckRange(after, 0, 5, at: 3).ReadRange(reader, after, 0, 4, at: 4);

        s.Step("Then group \"late-latest\" read 0 of the messages written before it joined", () => s.Judge.ReadBefore("late-latest", 0))
            .ShouldHavePassed("Then group \"late-latest\" read 0 of the messages written before it joined");
        s.Step("Then group \"late-latest\" read 10 of the messages written before it joined", () => s.Judge.ReadBefore("late-latest", 10))
            .ShouldHaveFailedAs(VerdictCategory.MessagesLost);
        s.Step("Then group \"late-latest\" read all of the messages written after it joined", () => s.Judge.ReadAllAfter("late-latest"))
            .ShouldHaveFailedAs(VerdictCategory.MessagesLost);

        s.Read(reader, after, 4, at: 5);
        s.Step("Then group \"late-latest\" read all of the messages written after it joined", () => s.Judge.ReadAllAfter("late-latest"))
            .ShouldHavePassed("Then group \"late-latest\" read all of the messages written after it joined");
    }

    [Fact]
    public void A_group_that_never_read_is_named_with_the_groups_that_did()
    {
        var s = TwoGroups();

        var act = () => s.Judge.IdleConsumers(0, "h");

        act.Should().Throw<InvalidOperationException>().WithMessage("No group \"h\"*(groups: g, g-late)*");
    }
}
