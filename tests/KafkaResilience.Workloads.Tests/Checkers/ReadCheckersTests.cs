using FluentAssertions;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Checkers;

/// <summary>The checkers of one group: its read rate, the ratio of two groups' rates, idle members, what it read.</summary>
public sealed class ReadCheckersTests
{
    // Group "g" (g-0, g-1, g-2 idle) reads 100 records from 2 s to 4 s; group "g-late" (g-late-0) 100 from 5 s to 6 s.
    private static HistorySnapshot TwoGroups()
    {
        var h = new LiteralHistory();
        h.AckRange(0, 0, 200, at: 1);
        h.ReadRange("g-0", 0, 0, 50, partition: 0, firstOffset: 0, at: 2);
        h.ReadRange("g-1", 0, 50, 100, partition: 0, firstOffset: 50, at: 4);
        h.Ledger.AddConsumer("g-2");
        h.ReadRange("g-late-0", 0, 100, 150, partition: 0, firstOffset: 100, at: 5);
        h.ReadRange("g-late-0", 0, 150, 200, partition: 0, firstOffset: 150, at: 6);
        return h.Snapshot(7);
    }

    private static readonly string[] G = ["g-0", "g-1", "g-2"];
    private static readonly string[] Late = ["g-late-0"];

    [Fact]
    public void A_group_s_rate_counts_its_own_members_only_even_when_another_group_s_name_starts_with_its_own()
    {
        var totals = ReadTotals.Of(TwoGroups(), G);

        totals.Should().Be(new ReadTotals(3, 100, 100 * 100, 2));
        totals.PerSecond.Should().Be(50);
    }

    [Fact]
    public void The_consumer_floor_holds_at_the_rate_and_fails_above_it()
    {
        var history = TwoGroups();

        new ReadRateChecker("g", G, 50).Check(history).Validity.Should().Be(Validity.Valid);
        var missed = new ReadRateChecker("g", G, 51).Check(history);
        missed.Validity.Should().Be(Validity.Invalid);
        missed.Summary.Should().Be("group \"g\" read 100 messages in 2.000 s = 50 msg/s");
    }

    [Fact]
    public void The_rate_ratio_of_two_groups_is_bounded_and_infinite_against_a_group_that_read_nothing()
    {
        var history = TwoGroups();

        var ratio = new ReadRateRatioChecker("g-late", Late, "g", G, 2).Check(history);
        ratio.Validity.Should().Be(Validity.Valid);
        ratio.Numbers["ratio"].Should().Be(2);
        new ReadRateRatioChecker("g-late", Late, "g", G, 1.5).Check(history).Validity.Should().Be(Validity.Invalid);
        new ReadRateRatioChecker("g", G, "none", ["nobody"], 100).Check(history).Numbers["ratio"].Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void Exactly_the_expected_number_of_members_is_idle()
    {
        var history = TwoGroups();

        new IdleConsumerChecker("g", G, 1).Check(history).Validity.Should().Be(Validity.Valid);
        var none = new IdleConsumerChecker("g", G, 0).Check(history);
        none.Validity.Should().Be(Validity.Invalid);
        none.Examples.Should().Equal("g-2");
        none.Summary.Should().Be("1 of the 3 consumer(s) of group \"g\" received nothing (g-0: 50, g-1: 50, g-2: 0)");
    }

    [Fact]
    public void Idle_members_beside_busy_ones_need_more_members_than_that()
    {
        var v = new IdleConsumerChecker("g-late", Late, 1).Check(TwoGroups());

        v.Validity.Should().Be(Validity.Invalid);
        v.Examples.Should().ContainSingle().Which.Should().Contain("need more than 1 consumer(s)");
    }

    [Fact]
    public void Read_all_holds_once_the_members_read_the_expected_records()
    {
        var history = TwoGroups();

        new ReadCountChecker("g", G, 100).Check(history).Validity.Should().Be(Validity.Valid);
        new ReadCountChecker("g", G, 101).Check(history).Validity.Should().Be(Validity.Invalid);
    }

    [Fact]
    public void A_late_group_reads_what_the_reset_allows_before_it_joined_and_all_after()
    {
        var h = new LiteralHistory();
        h.AckRange(0, 0, 10, at: 1);                                   // written before the group joined
        h.AckRange(1, 0, 5, at: 3, partition: 1);                      // written after
        h.ReadRange("late-0", 1, 0, 4, partition: 1, firstOffset: 0, at: 4);
        var history = h.Snapshot(5);

        new ReadBeforeAfterChecker("late", [0], [1], expectedBefore: 0, allAfter: false).Check(history).Validity.Should().Be(Validity.Valid);
        new ReadBeforeAfterChecker("late", [0], [1], expectedBefore: 10, allAfter: false).Check(history).Validity.Should().Be(Validity.Invalid);
        var after = new ReadBeforeAfterChecker("late", [0], [1], expectedBefore: null, allAfter: true).Check(history);
        after.Validity.Should().Be(Validity.Invalid);
        after.Examples.Should().Equal("read only 4 of the 5 messages written after it joined");
    }

    [Fact]
    public void Caught_up_means_no_acknowledged_record_is_still_unread()
    {
        var h = new LiteralHistory();
        h.AckRange(0, 0, 3, at: 1).Ack(0, 3, sentAt: 1, at: 1.1, SendOutcome.Unknown);
        h.ReadRange("c", 0, 0, 2, partition: 0, firstOffset: 0, at: 2);

        var behind = new CaughtUpChecker().Check(h.Snapshot(3));
        behind.Validity.Should().Be(Validity.Invalid);
        behind.Numbers["acked-unread"].Should().Be(1);
        behind.Examples.Should().Equal("p0#2");

        h.Read("c", 0, 2, 0, 2, at: 3.5);
        new CaughtUpChecker().Check(h.Snapshot(4)).Validity.Should().Be(Validity.Valid);
    }

    [Fact]
    public void Records_dropped_by_the_target_s_retention_make_a_short_read_unknown_not_a_failure()
    {
        // Given 10 acked; the group found offsets 0..3 gone (reset to the log start) and read 4..9
        var h = new LiteralHistory().AckRange(0, 0, 10, at: 1)
            .Reset("g-0", 0, from: 0, to: 4, OffsetResetKind.ToLogStart, at: 2)
            .ReadRange("g-0", 0, 4, 10, 0, 4, at: 2);
        var history = h.Snapshot(3);

        var read = new ReadCountChecker("g", ["g-0"], 10).Check(history);
        read.Validity.Should().Be(Validity.Unknown);
        read.Summary.Should().Contain("4 skipped by the cluster (below log-start offset)");
        new ReadCountChecker("g", ["g-0"], 11).Check(history).Validity.Should().Be(Validity.Invalid);

        var caughtUp = new CaughtUpChecker().Check(history);
        caughtUp.Validity.Should().Be(Validity.Unknown);
        caughtUp.Numbers["below-log-start"].Should().Be(4);
    }
}
