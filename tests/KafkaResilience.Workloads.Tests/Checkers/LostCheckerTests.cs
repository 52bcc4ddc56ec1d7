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
        v.Numbers["below-log-start"].Should().Be(0);
    }

    [Fact]
    public void An_acked_record_never_read_is_lost_never_reached_and_named()
    {
        var h = new LiteralHistory().AckRange(0, 0, 5, at: 1).AckRange(1, 0, 40, at: 1, partition: 1)
            .ReadRange("c", 0, 0, 3, 0, 0, at: 2).ReadRange("c", 1, 0, 40, 1, 0, at: 2);
        var v = new LostChecker().Check(h.Snapshot(3));
        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["lost"].Should().Be(2);
        v.Numbers["lost-never-reached"].Should().Be(2);
        v.Numbers["lost-overwritten"].Should().Be(0);
        v.Examples.Should().Equal("p0#3", "p0#4");
        v.Summary.Should().Contain("2 lost (2 never reached by a consumer)");
    }

    [Fact]
    public void Records_below_the_log_start_when_a_late_group_read_them_are_named_as_retention_not_lost()
    {
        // Given: 200,000 records acked into one partition before a late group read it; the group's
        // consumer started at the log-start offset, 153,944, and read the 46,056 records from there.
        var h = new LiteralHistory().AckRange(0, 0, 200_000, at: 1)
            .Reset("late-0", 0, from: 0, to: 153_944, OffsetResetKind.ToLogStart, at: 2, reason: "started reading at the log-start offset")
            .ReadRange("late-0", 0, 153_944, 200_000, 0, 153_944, at: 2);

        // When
        var v = new LostChecker().Check(h.Snapshot(3));

        // Then
        v.Numbers["lost"].Should().Be(0);
        v.Numbers["below-log-start"].Should().Be(153_944);
        v.Numbers["acked-read"].Should().Be(46_056);
        v.Validity.Should().Be(Validity.Unknown, "loss cannot be judged for records the target dropped, and they are not lost");
        v.Summary.Should().Contain("200,000 acked, 46,056 read, 0 lost; 153,944 skipped by the cluster (below log-start offset)");
    }

    [Fact]
    public void A_lost_count_of_0_is_no_proof_while_the_cluster_skipped_records()
    {
        // Given: a crashed consumer came back to find 4 acknowledged records below the log-start offset (the target
        // dropped them), then read the other 6
        var h = new LiteralHistory().AckRange(0, 0, 10, at: 1)
            .Reset("c-0", 0, from: 0, to: 4, OffsetResetKind.ToLogStart, at: 2, reason: "fetch failed: Offset out of range")
            .ReadRange("c-0", 0, 4, 10, 0, 4, at: 2);

        // When
        var exactly0 = new DeliveryCountChecker(DeliveryCount.NeverProcessed, 0, []).Check(h.Snapshot(3));
        var reported = new DeliveryCountChecker(DeliveryCount.NeverProcessed, null, []).Check(h.Snapshot(3));

        // Then: "never processed is 0" cannot be judged (those 4 could have been lost too); "reported" still says the numbers
        exactly0.Validity.Should().Be(Validity.Unknown);
        exactly0.Summary.Should().Contain("besides, 4 were skipped by the cluster (below log-start offset)")
            .And.EndWith("the 4 skipped by the cluster (below log-start offset) cannot be counted either way");
        reported.Validity.Should().Be(Validity.Valid);
        reported.Numbers["count"].Should().Be(0);
    }

    [Fact]
    public void Records_acked_at_offsets_later_read_with_other_content_were_overwritten()
    {
        // Given: p0 acked at offsets 0..4; after an unclean election p1's records were written at offsets
        // 3 and 4 and acked there too; the consumer read offsets 0..4 and found p1's records at 3 and 4.
        var h = new LiteralHistory().AckRange(0, 0, 5, at: 1)
            .AckRange(1, 0, 2, at: 2, firstOffset: 3)
            .ReadRange("c", 0, 0, 3, 0, 0, at: 3).ReadRange("c", 1, 0, 2, 0, 3, at: 3);

        // When
        var v = new LostChecker().Check(h.Snapshot(4));

        // Then
        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["lost"].Should().Be(2);
        v.Numbers["lost-overwritten"].Should().Be(2);
        v.Numbers["lost-never-reached"].Should().Be(0);
        v.Numbers["acked-twice-at-offset"].Should().Be(2);
        v.Examples.Should().Equal("p0#3", "p0#4");
        v.Summary.Should().Contain("2 overwritten (acknowledged at an offset later read with other content)");
    }

    [Fact]
    public void A_partition_skipped_to_the_log_start_and_then_left_unread_has_both_causes_counted()
    {
        // Given: 10 acked; a consumer found offsets 0..3 gone, read 4..7 and never got to 8 and 9.
        var h = new LiteralHistory().AckRange(0, 0, 10, at: 1)
            .Reset("c", 0, from: 0, to: 4, OffsetResetKind.ToLogStart, at: 2)
            .ReadRange("c", 0, 4, 8, 0, 4, at: 2);

        var v = new LostChecker().Check(h.Snapshot(3));

        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["below-log-start"].Should().Be(4);
        v.Numbers["lost"].Should().Be(2);
        v.Numbers["lost-never-reached"].Should().Be(2);
        v.Summary.Should().Contain("10 acked, 4 read, 2 lost (2 never reached by a consumer); 4 skipped by the cluster (below log-start offset)");
    }

    [Fact]
    public void Records_another_consumer_read_before_they_were_dropped_are_neither_lost_nor_retention()
    {
        // Given: group a read all 10; group b came late and found offsets 0..4 gone.
        var h = new LiteralHistory().AckRange(0, 0, 10, at: 1)
            .ReadRange("a-0", 0, 0, 10, 0, 0, at: 2)
            .Reset("b-0", 0, from: 0, to: 5, OffsetResetKind.ToLogStart, at: 3)
            .ReadRange("b-0", 0, 5, 10, 0, 5, at: 3);

        var history = h.Snapshot(4);
        var v = new LostChecker().Check(history);

        v.Validity.Should().Be(Validity.Valid);
        v.Numbers["below-log-start"].Should().Be(0);
        v.Numbers["offset-resets"].Should().Be(1);
        LostChecker.AckedBelowLogStart(history, c => c.StartsWith("b-", StringComparison.Ordinal)).Should().Be(5, "group b could not have read them");
        LostChecker.AckedBelowLogStart(history, c => c.StartsWith("a-", StringComparison.Ordinal)).Should().Be(0);
    }

    [Fact]
    public void Records_a_reset_to_the_end_skipped_are_lost_never_reached_not_retention()
    {
        var h = new LiteralHistory().AckRange(0, 0, 10, at: 1)
            .ReadRange("c", 0, 0, 2, 0, 0, at: 2)
            .Reset("c", 0, from: 2, to: 10, OffsetResetKind.ToEnd, at: 2);

        var v = new LostChecker().Check(h.Snapshot(3));

        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["below-log-start"].Should().Be(0);
        v.Numbers["lost-never-reached"].Should().Be(8);
    }

    [Fact]
    public void A_reset_on_one_partition_says_nothing_about_another()
    {
        var h = new LiteralHistory().AckRange(0, 0, 4, at: 1, partition: 0).AckRange(1, 0, 4, at: 1, partition: 1)
            .Reset("c", 0, from: 0, to: 4, OffsetResetKind.ToLogStart, at: 2)
            .ReadRange("c", 1, 0, 2, 1, 0, at: 2);

        var v = new LostChecker().Check(h.Snapshot(3));

        v.Numbers["below-log-start"].Should().Be(4);
        v.Numbers["lost-never-reached"].Should().Be(2);
    }

    [Fact]
    public void An_ok_without_an_offset_never_read_is_lost_with_its_cause_unknown()
    {
        var h = new LiteralHistory().Ack(0, 0, sentAt: 1, at: 1).Ack(0, 1, sentAt: 1, at: 1); // acks=0: no offset reported
        var v = new LostChecker().Check(h.Snapshot(2));
        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["lost-without-offset"].Should().Be(2);
        v.Numbers["lost-overwritten"].Should().Be(0);
    }

    [Theory]
    [InlineData(10, 10, 4, 0, 4, 6, 0, 0)]  // every unread record has its unread offset
    [InlineData(10, 6, 4, 0, 4, 2, 4, 0)]   // 4 lost records had their offset read: overwritten
    [InlineData(3, 10, 4, 0, 3, 0, 0, 0)]   // more unread offsets than unread records (copies read elsewhere): capped
    [InlineData(5, 0, 0, 5, 0, 0, 0, 5)]    // acks=0: no offsets at all
    [InlineData(0, 0, 0, 7, 0, 0, 0, 0)]
    public void Causes_always_add_up_to_the_records_not_read(long notRead, long unreadOffsets, long unreadBelow, long withoutOffset,
        long below, long never, long overwritten, long noOffset)
    {
        var causes = LostChecker.Attribute(notRead, unreadOffsets, unreadBelow, withoutOffset);
        causes.Should().Be(new LossCauses(below, never, overwritten, noOffset));
        causes.NotRead.Should().Be(notRead);
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
