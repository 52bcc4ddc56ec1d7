using FluentAssertions;
using KafkaResilience.Chaos.Scenario;
using KafkaResilience.Reporting;
using KafkaResilience.Workloads.Checkers;
using Xunit;

namespace KafkaResilience.Chaos.Tests.Scenario;

/// <summary>The Then steps about delivery (lost, order, the counts of a delivery row), each passing and failing.</summary>
public sealed class ScenarioJudgeDeliveryTests
{
    private const string NothingLost = "Then no acknowledged message is lost";

    [Fact]
    public void Nothing_lost_passes_when_every_acknowledged_message_was_read_and_fails_on_one_unread()
    {
        var s = new LiteralScenario();
        var stream = s.Send(3)[0];
        var reader = s.Group("g", 1)[0];
        s.AckRange(stream, 0, 3, at: 1).ReadRange(reader, stream, 0, 2, at: 2);

        var failed = s.Step(NothingLost, s.Judge.NothingLost);
        failed.ShouldHaveFailedAs(VerdictCategory.MessagesLost);
        failed.Failure!.Message.Should().Contain($"p{stream.Id}#2");

        s.Read(reader, stream, 2, at: 3);
        s.Step(NothingLost, s.Judge.NothingLost).ShouldHavePassed(NothingLost);
    }

    [Fact]
    public void Nothing_lost_with_nothing_sent_cannot_be_judged_and_fails_as_unknown()
    {
        var s = new LiteralScenario();

        s.Step(NothingLost, s.Judge.NothingLost).ShouldHaveFailedAs(VerdictCategory.VerdictUnknown, Validity.Unknown);
    }

    [Fact]
    public void Order_kept_fails_when_a_later_offset_carries_an_earlier_sequence()
    {
        var s = new LiteralScenario();
        var stream = s.Send(2)[0];
        var reader = s.Group("g", 1)[0];
        s.AckRange(stream, 0, 2, at: 1).Read(reader, stream, 0, at: 2, offset: 0).Read(reader, stream, 1, at: 2, offset: 1);
        s.Step("Then the order within every partition is kept", s.Judge.OrderKept).ShouldHavePassed("Then the order within every partition is kept");

        var other = s.Send(2)[0];
        s.AckRange(other, 0, 2, at: 3).Read(reader, other, 1, at: 4, partition: 1, offset: 0).Read(reader, other, 0, at: 4, partition: 1, offset: 1);
        s.Step("Then the order within every partition is kept", s.Judge.OrderKept).ShouldHaveFailedAs(VerdictCategory.MessagesReordered);
    }

    [Fact]
    public void A_delivery_count_above_its_number_fails_in_its_own_category_and_below_it_as_count_not_as_expected()
    {
        // Given 3 messages acknowledged, one never read, one read twice at the same offset
        var s = new LiteralScenario();
        var stream = s.Send(3)[0];
        var reader = s.Group("g", 1)[0];
        s.AckRange(stream, 0, 3, at: 1).ReadRange(reader, stream, 0, 2, at: 2).Read(reader, stream, 1, at: 3);

        s.Step("Then the number of lost messages is 1", () => s.Judge.Count(DeliveryCount.LostMessages, new(1)))
            .ShouldHavePassed("Then the number of lost messages is 1");
        s.Step("Then the number of lost messages is 0", () => s.Judge.Count(DeliveryCount.LostMessages, new(0)))
            .ShouldHaveFailedAs(VerdictCategory.MessagesLost);
        s.Step("Then the number of lost messages is 2", () => s.Judge.Count(DeliveryCount.LostMessages, new(2)))
            .ShouldHaveFailedAs(VerdictCategory.CountNotAsExpected);
        s.Step("Then the number of messages the consumers never processed is reported", () => s.Judge.Count(DeliveryCount.NeverProcessed, CountExpectation.Reported))
            .ShouldHavePassed("Then the number of messages the consumers never processed is reported");
        s.Step("Then the number of messages delivered twice is 0", () => s.Judge.Count(DeliveryCount.DeliveredTwice, new(0)))
            .ShouldHaveFailedAs(VerdictCategory.MessagesDuplicated);
        s.Step("Then the number of messages written twice is 0", () => s.Judge.Count(DeliveryCount.WrittenTwice, new(0)))
            .ShouldHavePassed("Then the number of messages written twice is 0");
        s.Step("Then the number of messages out of order is 0", () => s.Judge.Count(DeliveryCount.OutOfOrder, new(0)))
            .ShouldHavePassed("Then the number of messages out of order is 0");
    }

    [Fact]
    public void A_record_written_twice_is_counted_as_such_and_fails_as_duplicated()
    {
        var s = new LiteralScenario();
        var stream = s.Send(1)[0];
        var reader = s.Group("g", 1)[0];
        s.AckRange(stream, 0, 1, at: 1).Read(reader, stream, 0, at: 2, offset: 0).Read(reader, stream, 0, at: 2, offset: 1);

        var failed = s.Step("Then the number of messages written twice is 0", () => s.Judge.Count(DeliveryCount.WrittenTwice, new(0)));
        failed.ShouldHaveFailedAs(VerdictCategory.MessagesDuplicated);
        failed.Verdict.Verdict.Numbers["count"].Should().Be(1);
        s.Step("Then the number of messages out of order is 1", () => s.Judge.Count(DeliveryCount.OutOfOrder, new(1)))
            .ShouldHaveFailedAs(VerdictCategory.CountNotAsExpected);
    }
}
