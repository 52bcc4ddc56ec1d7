using FluentAssertions;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Checkers;

public sealed class LostCheckerTests
{
    [Fact]
    public void Every_acked_record_read_is_valid()
    {
        var h = new LiteralHistory().AckRange(0, 0, 5, at: 1).ReadRange("c", 0, 0, 5, 0, 0, at: 2);
        var v = new LostChecker().Check(h.Snapshot(3));
        v.Validity.Should().Be(Validity.Valid);
        v.Numbers["lost"].Should().Be(0);
        v.Numbers["acked-read"].Should().Be(5);
    }

    [Fact]
    public void An_acked_record_never_read_is_lost_and_named()
    {
        var h = new LiteralHistory().AckRange(0, 0, 5, at: 1).AckRange(1, 0, 40, at: 1, partition: 1)
            .ReadRange("c", 0, 0, 3, 0, 0, at: 2).ReadRange("c", 1, 0, 40, 1, 0, at: 2);
        var v = new LostChecker().Check(h.Snapshot(3));
        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["lost"].Should().Be(2);
        v.Examples.Should().Equal("p0#3", "p0#4");
    }

    [Fact]
    public void Unknown_outcomes_are_counted_apart_and_never_called_lost()
    {
        var h = new LiteralHistory()
            .AckRange(0, 0, 3, at: 1)
            .Ack(0, 3, 1, 2, SendOutcome.Unknown)
            .Ack(0, 4, 1, 2, SendOutcome.Unknown)
            .Send(0, 5, at: 2) // never reported: unknown too
            .ReadRange("c", 0, 0, 4, 0, 0, at: 2);
        var v = new LostChecker().Check(h.Snapshot(3));
        v.Validity.Should().Be(Validity.Valid);
        v.Numbers["lost"].Should().Be(0);
        v.Numbers["unknown"].Should().Be(3);
        v.Numbers["unknown-read"].Should().Be(1);
        v.Numbers["unknown-not-read"].Should().Be(2);
    }

    [Fact]
    public void A_failed_send_that_was_read_anyway_is_counted_but_not_invalid()
    {
        var h = new LiteralHistory().AckRange(0, 0, 2, at: 1).Ack(0, 2, 1, 1.5, SendOutcome.Failed)
            .ReadRange("c", 0, 0, 3, 0, 0, at: 2);
        var v = new LostChecker().Check(h.Snapshot(3));
        v.Validity.Should().Be(Validity.Valid);
        v.Numbers["failed-but-read"].Should().Be(1);
    }

    [Fact]
    public void Nothing_sent_or_nothing_acked_cannot_be_judged()
    {
        new LostChecker().Check(new LiteralHistory().Snapshot(1)).Validity.Should().Be(Validity.Unknown);
        var onlyUnknown = new LiteralHistory().Ack(0, 0, 1, 2, SendOutcome.Unknown);
        new LostChecker().Check(onlyUnknown.Snapshot(3)).Validity.Should().Be(Validity.Unknown);
    }
}
