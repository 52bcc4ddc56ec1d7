using FluentAssertions;
using KafkaResilience.Workloads.Checkers;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Checkers;

public sealed class DuplicateCheckerTests
{
    [Fact]
    public void The_same_record_at_two_offsets_was_written_twice()
    {
        var h = new LiteralHistory().AckRange(0, 0, 3, at: 1)
            .Read("c", 0, 0, 0, 0, 2).Read("c", 0, 1, 0, 1, 2).Read("c", 0, 1, 0, 2, 2).Read("c", 0, 2, 0, 3, 2);
        var v = new DuplicateChecker().Check(h.Snapshot(3));
        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["written-twice"].Should().Be(1);
        v.Numbers["delivered-twice"].Should().Be(0);
        v.Examples.Should().ContainSingle().Which.Should().StartWith("p0#1 @0:2");
    }

    [Fact]
    public void The_same_offset_read_again_was_delivered_twice()
    {
        var h = new LiteralHistory().AckRange(0, 0, 3, at: 1)
            .ReadRange("c1", 0, 0, 3, 0, 0, at: 2)
            .ReadRange("c2", 0, 1, 3, 0, 1, at: 3); // c2 re-reads offsets 1..2 after a rebalance
        var s = h.Snapshot(4);
        var v = new DuplicateChecker().Check(s);
        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["delivered-twice"].Should().Be(2);
        v.Numbers["written-twice"].Should().Be(0);
        s.DeliveredTwiceSamples.Should().HaveCount(2);
    }

    [Fact]
    public void Allowed_kinds_are_still_counted_but_pass()
    {
        var h = new LiteralHistory().AckRange(0, 0, 3, at: 1)
            .ReadRange("c1", 0, 0, 3, 0, 0, at: 2).Read("c2", 0, 2, 0, 2, 3);
        var v = new DuplicateChecker(allowDeliveredTwice: true).Check(h.Snapshot(4));
        v.Validity.Should().Be(Validity.Valid);
        v.Numbers["delivered-twice"].Should().Be(1);
        v.Summary.Should().Contain("(allowed)");
    }

    [Fact]
    public void No_duplicates_is_valid_and_nothing_read_is_unknown()
    {
        var h = new LiteralHistory().AckRange(0, 0, 3, at: 1).ReadRange("c", 0, 0, 3, 0, 0, at: 2);
        new DuplicateChecker().Check(h.Snapshot(3)).Validity.Should().Be(Validity.Valid);
        new DuplicateChecker().Check(new LiteralHistory().AckRange(0, 0, 3, 1).Snapshot(2)).Validity.Should().Be(Validity.Unknown);
    }
}
