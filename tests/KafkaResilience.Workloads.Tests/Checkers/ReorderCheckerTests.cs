using FluentAssertions;
using KafkaResilience.Workloads.Checkers;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Checkers;

public sealed class ReorderCheckerTests
{
    [Fact]
    public void A_later_offset_with_an_earlier_sequence_is_a_reorder()
    {
        var h = new LiteralHistory().AckRange(0, 0, 3, at: 1)
            .Read("c", 0, 0, 0, 0, 2).Read("c", 0, 2, 0, 1, 2).Read("c", 0, 1, 0, 2, 2);
        var v = new ReorderChecker().Check(h.Snapshot(3));
        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["reordered"].Should().Be(1);
        v.Examples.Should().ContainSingle().Which.Should().Contain("p0#1 @0:2").And.Contain("after sequence 2");
    }

    [Fact]
    public void Streams_interleaved_in_one_partition_are_judged_each_on_its_own()
    {
        var h = new LiteralHistory().AckRange(0, 0, 2, at: 1).AckRange(1, 0, 2, at: 1)
            .Read("c", 1, 0, 0, 0, 2).Read("c", 0, 0, 0, 1, 2).Read("c", 1, 1, 0, 2, 2).Read("c", 0, 1, 0, 3, 2);
        new ReorderChecker().Check(h.Snapshot(3)).Validity.Should().Be(Validity.Valid);
    }

    [Fact]
    public void A_re_read_from_an_earlier_offset_is_not_a_reorder()
    {
        var h = new LiteralHistory().AckRange(0, 0, 4, at: 1)
            .ReadRange("c1", 0, 0, 4, 0, 0, at: 2).ReadRange("c2", 0, 2, 4, 0, 2, at: 3);
        new ReorderChecker().Check(h.Snapshot(4)).Validity.Should().Be(Validity.Valid);
    }

    [Fact]
    public void A_second_copy_written_later_is_a_duplicate_not_a_reorder()
    {
        var h = new LiteralHistory().AckRange(0, 0, 3, at: 1)
            .Read("c", 0, 0, 0, 0, 2).Read("c", 0, 1, 0, 1, 2).Read("c", 0, 0, 0, 2, 2).Read("c", 0, 2, 0, 3, 2);
        var s = h.Snapshot(3);
        new ReorderChecker().Check(s).Validity.Should().Be(Validity.Valid);
        s.WrittenTwice.Should().Be(1);
    }

    [Fact]
    public void Nothing_read_cannot_be_judged()
    {
        new ReorderChecker().Check(new LiteralHistory().Snapshot(1)).Validity.Should().Be(Validity.Unknown);
    }
}
