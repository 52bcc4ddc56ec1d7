using FluentAssertions;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Checkers;

/// <summary>A planted retention loss is named as such: every unread message below the log start the late group found, none lost.</summary>
public sealed class DroppedByRetentionCheckerTests
{
    private static readonly string[] Late = ["late-0"];

    // 200,000 records acked into one partition before a late group read it; its consumer started at the log start, 153,944.
    private static LiteralHistory LateReader(long readUpTo = 200_000) => new LiteralHistory().AckRange(0, 0, 200_000, at: 1)
        .Reset("late-0", 0, from: 0, to: 153_944, OffsetResetKind.ToLogStart, at: 2, reason: "started reading at the log-start offset")
        .ReadRange("late-0", 0, 153_944, readUpTo, 0, 153_944, at: 2);

    [Fact]
    public void Every_unread_message_below_the_log_start_the_group_found_is_a_valid_retention_drop()
    {
        var v = new DroppedByRetentionChecker("late", Late).Check(LateReader().Snapshot(3));

        v.Validity.Should().Be(Validity.Valid, v.ToString());
        v.Numbers["below-log-start"].Should().Be(153_944);
        v.Numbers["group-below-log-start"].Should().Be(153_944);
        v.Numbers["lost"].Should().Be(0);
        v.Summary.Should().Be("200,000 acknowledged, 46,056 read, 153,944 below the log-start offset when read " +
                              "(153,944 where group \"late\" found the log starting above them: the target's retention), 0 lost");
    }

    [Fact]
    public void A_message_unread_for_another_cause_is_a_loss_not_a_retention_drop()
    {
        // Given: the late group stopped 10 records short of the end, which nothing dropped
        var v = new DroppedByRetentionChecker("late", Late).Check(LateReader(readUpTo: 199_990).Snapshot(3));

        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["lost"].Should().Be(10);
        v.Numbers["lost-never-reached"].Should().Be(10);
        v.Examples[0].Should().StartWith("10 went unread for another cause");
    }

    [Fact]
    public void Nothing_dropped_means_the_planted_loss_did_not_happen()
    {
        var h = new LiteralHistory().AckRange(0, 0, 100, at: 1).ReadRange("late-0", 0, 0, 100, 0, 0, at: 2);

        var v = new DroppedByRetentionChecker("late", Late).Check(h.Snapshot(3));

        v.Validity.Should().Be(Validity.Invalid);
        v.Examples.Should().Equal("group \"late\" found nothing below the log-start offset: the target dropped nothing before it read");
    }

    [Fact]
    public void Another_group_s_drop_is_not_this_group_s()
    {
        var v = new DroppedByRetentionChecker("other", ["other-0"]).Check(LateReader().Snapshot(3));

        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["group-below-log-start"].Should().Be(0);
    }

    [Fact]
    public void A_late_group_that_read_fewer_than_expected_only_by_what_retention_dropped_cannot_be_judged()
    {
        // Given: the prefill (producer 0) is what was written before the group joined
        var history = LateReader().Snapshot(3);

        var v = new ReadBeforeAfterChecker("late", [0], [], expectedBefore: 200_000, allAfter: false, Late).Check(history);

        v.Validity.Should().Be(Validity.Unknown, "153,944 were dropped by the target before the group got there");
        v.Numbers["below-log-start"].Should().Be(153_944);
        v.Summary.Should().Be("group \"late\" read 46,056 of the 200,000 messages written before it joined and 0 of the 0 written after; " +
                              "153,944 below the log-start offset when it got there (the target's retention)");
        new ReadBeforeAfterChecker("late", [0], [], expectedBefore: 200_000, allAfter: false).Check(history).Validity
            .Should().Be(Validity.Invalid, "without the members retention is not looked at");
        new ReadBeforeAfterChecker("late", [0], [], expectedBefore: 200_000, allAfter: false, Late).Check(LateReader(readUpTo: 199_990).Snapshot(3)).Validity
            .Should().Be(Validity.Invalid, "10 more are missing than retention explains");
    }
}
