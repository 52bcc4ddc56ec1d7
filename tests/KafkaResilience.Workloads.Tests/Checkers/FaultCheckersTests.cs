using FluentAssertions;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.History.Observations;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Checkers;

/// <summary>The checkers of a fault's aftermath: the producer's stall, leaders moved (or not), what a wait saw.</summary>
public sealed class FaultCheckersTests
{
    // A kill of broker 106 at 2 s, which led partition 2 before it: partition 0 keeps acking every 0.5 s; partition 2 acks again at 5 s.
    private static LiteralHistory KillAtTwo(bool partitionTwoResumes = true)
    {
        var h = new LiteralHistory();
        h.Ack(0, 0, 0.9, 1.0, partition: 2, offset: 0);
        KillOf106(h, leaders: [105, 108, 106]);
        for (var s = 1; s <= 6; s++) h.Ack(0, s, 1.5 + s * 0.5, 1.6 + s * 0.5, partition: 0, offset: s);
        if (partitionTwoResumes) h.Ack(0, 7, 4.9, 5.0, partition: 2, offset: 1);
        return h;
    }

    /// <summary>Broker 106 killed at 2 s, with the topic's leaders read before it (partition by partition).</summary>
    private static void KillOf106(LiteralHistory h, int?[] leaders)
    {
        h.Leaders(LeadersMoment.BeforeFaults, "f", 1.9, leaders);
        h.Fault("kill", 2, 106);
    }

    [Fact]
    public void A_stall_on_the_faulted_broker_s_partitions_is_judged_although_other_partitions_keep_acking()
    {
        var history = KillAtTwo().Snapshot(6);

        var lenient = new ProducerStallChecker(TimeSpan.FromSeconds(3)).Check(history);
        lenient.Validity.Should().Be(Validity.Valid);
        lenient.Numbers["judged-seconds"].Should().BeApproximately(3, 1e-9);
        var strict = new ProducerStallChecker(TimeSpan.FromSeconds(2.5)).Check(history);
        strict.Validity.Should().Be(Validity.Invalid);
        strict.Summary.Should().Contain("partition 2 acked again after 3.000 s");
    }

    [Fact]
    public void Without_the_faulted_partitions_only_the_whole_run_stall_counts()
    {
        // Given the same run, but the killed broker led no partition before the kill
        var h = new LiteralHistory();
        h.Ack(0, 0, 0.9, 1.0, partition: 2, offset: 0);
        KillOf106(h, leaders: [105, 108, 105]);
        for (var s = 1; s <= 6; s++) h.Ack(0, s, 1.5 + s * 0.5, 1.6 + s * 0.5, partition: 0, offset: s);

        var v = new ProducerStallChecker(TimeSpan.FromSeconds(1)).Check(h.Snapshot(6));

        v.Validity.Should().Be(Validity.Valid);
        v.Numbers["judged-seconds"].Should().Be(v.Numbers["longest-seconds"]);
    }

    [Fact]
    public void A_faulted_partition_that_never_acked_again_stalled_for_the_rest_of_the_run()
    {
        // Given: partition 2 is never acknowledged again while a send (of which the history cannot tell the partition) still waits
        var h = KillAtTwo(partitionTwoResumes: false);
        h.Send(0, 7, at: 4.9);

        var v = new ProducerStallChecker(TimeSpan.FromSeconds(30)).Check(h.Snapshot(6));

        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["judged-seconds"].Should().Be(-1);
        v.Summary.Should().StartWith("stalled for the rest of the run").And.Contain("partition 2 never acked again");
    }

    [Fact]
    public void A_faulted_partition_whose_send_finished_before_the_fault_has_no_stall_to_time()
    {
        // Given: the whole send was acknowledged (partitions 0 and 2) before the kill at 2 s, as under load it can be
        var h = new LiteralHistory();
        h.Ack(0, 0, 0.9, 1.0, partition: 2, offset: 0).Ack(0, 1, 0.9, 1.0, partition: 0, offset: 0);
        KillOf106(h, leaders: [105, 108, 106]);

        // When
        var v = new ProducerStallChecker(TimeSpan.FromSeconds(30)).Check(h.Snapshot(6));

        // Then: partition 2 had nothing left to send, so it never "stalled for the rest of the run"
        v.Validity.Should().Be(Validity.Valid, v.Summary);
        v.Summary.Should().Contain("partition 2 had no send outstanding after it (no stall to time)");
        v.Numbers["judged-seconds"].Should().Be(v.Numbers["longest-seconds"]);
    }

    [Fact]
    public void A_faulted_partition_that_got_none_of_the_sends_after_the_fault_has_no_stall_to_time()
    {
        // Given: after the kill at 2 s the last sends all went to partition 0 (a sticky partitioner), all acknowledged
        var h = new LiteralHistory();
        h.Ack(0, 0, 0.9, 1.0, partition: 2, offset: 0);
        KillOf106(h, leaders: [106, 108, 106]);
        h.Ack(0, 1, 2.1, 2.2, partition: 0, offset: 0).Ack(0, 2, 2.1, 2.3, partition: 0, offset: 1);

        // When
        var v = new ProducerStallChecker(TimeSpan.FromSeconds(30)).Check(h.Snapshot(6));

        // Then
        v.Validity.Should().Be(Validity.Valid, v.Summary);
        v.Summary.Should().Contain("partition 0 acked again after 0.200 s").And.Contain("partition 2 had no send outstanding after it");
    }

    [Fact]
    public void A_faulted_partition_is_still_timed_when_a_send_failed_after_the_fault()
    {
        // Given: a send failed after the kill; the history does not say on which partition, so it may have been partition 2's
        var h = new LiteralHistory();
        h.Ack(0, 0, 0.9, 1.0, partition: 2, offset: 0);
        KillOf106(h, leaders: [105, 108, 106]);
        h.Ack(0, 1, 2.1, 2.2, partition: 0, offset: 0).Ack(0, 2, 1.9, 4.0, SendOutcome.Failed, partition: 2);

        // When
        var v = new ProducerStallChecker(TimeSpan.FromSeconds(30)).Check(h.Snapshot(6));

        // Then
        v.Validity.Should().Be(Validity.Invalid);
        v.Summary.Should().Contain("partition 2 never acked again");
    }

    [Fact]
    public void A_faulted_partition_is_still_timed_while_a_send_has_no_outcome()
    {
        // Given: a send still without an outcome at the end may be waiting on partition 2
        var h = new LiteralHistory();
        h.Ack(0, 0, 0.9, 1.0, partition: 2, offset: 0);
        KillOf106(h, leaders: [105, 108, 106]);
        h.Send(0, 1, at: 2.5);

        // When
        var v = new ProducerStallChecker(TimeSpan.FromSeconds(30)).Check(h.Snapshot(6));

        // Then
        v.Validity.Should().Be(Validity.Invalid);
        v.Summary.Should().StartWith("stalled for the rest of the run").And.Contain("partition 2 never acked again");
    }

    [Fact]
    public void Consumers_resume_within_the_bound_on_every_partition_after_the_first_fault()
    {
        var h = KillAtTwo();
        h.Read("c", 0, 1, partition: 0, offset: 1, at: 2.5).Read("c", 0, 7, partition: 2, offset: 1, at: 6);
        var history = h.Snapshot(7);

        new RecoveryTimeChecker(null, maxToFirstConsume: TimeSpan.FromSeconds(4), partitions: [0, 2]).Check(history).Validity.Should().Be(Validity.Valid);
        var late = new RecoveryTimeChecker(null, maxToFirstConsume: TimeSpan.FromSeconds(3), partitions: [0, 2]).Check(history);
        late.Validity.Should().Be(Validity.Invalid);
        late.Examples.Should().Contain("partition 2: first ack after 3.000s, first read after 4.000s");
        new RecoveryTimeChecker(null, maxToFirstConsume: TimeSpan.FromSeconds(30), partitions: [0, 1, 2]).Check(history)
            .Examples.Should().Contain("no read after the fault");
    }

    [Fact]
    public void Every_partition_means_every_partition_of_the_topics_the_history_says_were_created()
    {
        // Given topics of 1 and 3 partitions, and reads after the kill on partitions 0 and 2 only
        var h = KillAtTwo().Topic("small", 1).Topic("f", 3);
        h.Read("c", 0, 1, partition: 0, offset: 1, at: 2.5).Read("c", 0, 7, partition: 2, offset: 1, at: 6);

        var v = RecoveryTimeChecker.OnEveryPartition(null, maxToFirstConsume: TimeSpan.FromSeconds(30)).Check(h.Snapshot(7));

        // Then partition 1 counts too, and was never read again
        v.Validity.Should().Be(Validity.Invalid);
        v.Summary.Should().Contain("on partitions 0,1,2");
        v.Examples.Should().Contain("no read after the fault");
    }

    [Fact]
    public void Without_a_fault_there_is_nothing_to_resume_from()
    {
        var h = new LiteralHistory().AckRange(0, 0, 3, at: 1);

        new RecoveryTimeChecker(null, maxToFirstConsume: TimeSpan.FromSeconds(1)).Check(h.Snapshot(2)).Validity.Should().Be(Validity.Unknown);
    }

    /// <summary>A history with the leaders of "f" read before the faults and, later, observed by a Then.</summary>
    private static HistorySnapshot Leaders(int?[]? before, int?[] observed)
    {
        var h = new LiteralHistory();
        if (before is not null) h.Leaders(LeadersMoment.BeforeFaults, "f", 1, before);
        return h.Leaders(LeadersMoment.Observed, "f", 5, observed).Snapshot(6);
    }

    [Fact]
    public void Leaders_moved_off_the_lost_broker_to_an_allowed_one()
    {
        var checker = new LeadersMovedChecker("f", 106, [105, 108]);

        checker.Check(Leaders([105, 106, 108], [105, 108, 108])).Validity.Should().Be(Validity.Valid);
        var stayed = checker.Check(Leaders([105, 106, 108], [105, 106, 108]));
        stayed.Validity.Should().Be(Validity.Invalid);
        stayed.Examples.Should().Equal("partition 1 is led by 106, not one of 105, 108");
        checker.Check(Leaders([105, 106, 108], [105, null, 108])).Validity.Should().Be(Validity.Invalid);
    }

    [Fact]
    public void A_lost_broker_that_led_nothing_leaves_nothing_to_move()
    {
        var v = new LeadersMovedChecker("f", 106, [105, 108]).Check(Leaders([105, 108, 108], [105, 108, 108]));

        v.Validity.Should().Be(Validity.Invalid);
        v.Summary.Should().Contain("led no partition");
    }

    [Fact]
    public void Leaders_never_observed_into_the_history_leave_the_verdict_unknown()
    {
        var none = new LiteralHistory().Leaders(LeadersMoment.BeforeFaults, "f", 1, 105, 106, 108).Snapshot(2);

        new LeadersMovedChecker("f", 106, [105, 108]).Check(none).Validity.Should().Be(Validity.Unknown);
        new NotLedByChecker("f", 106).Check(none).Validity.Should().Be(Validity.Unknown);
    }

    [Fact]
    public void A_restarted_broker_leads_nothing_again()
    {
        new NotLedByChecker("f", 106).Check(Leaders(null, [105, 108, 108])).Validity.Should().Be(Validity.Valid);
        new NotLedByChecker("f", 106).Check(Leaders(null, [105, 106, 108])).Examples.Should().Equal("broker 106 leads partition(s) 1 of \"f\"");
    }

    [Fact]
    public void No_leader_change_is_expected_and_one_is_found()
    {
        var quiet = new LiteralHistory().LeaderChange("other", 0, 105, 106, at: 1);
        var moved = new LiteralHistory().LeaderChange("f", 0, 105, 106, at: 1);
        var checker = new LeaderChangeChecker(new LeaderChangeExpectation("f", NoChange: true));

        checker.Check(quiet.Snapshot(2)).Validity.Should().Be(Validity.Valid);
        checker.Check(moved.Snapshot(2)).Validity.Should().Be(Validity.Invalid);
    }

    [Fact]
    public void A_wait_is_judged_on_when_it_saw_its_condition_as_the_history_recorded_it()
    {
        var bound = TimeSpan.FromSeconds(30);
        var back = new LiteralHistory().Wait("broker-back", "broker 106 back in the metadata", bound, TimeSpan.FromSeconds(4), at: 4).Snapshot(5);
        new DeadlineChecker("broker-back").Check(back).Validity.Should().Be(Validity.Valid);

        var never = new DeadlineChecker("broker-back").Check(
            new LiteralHistory().Wait("broker-back", "broker 106 back in the metadata", bound, null, at: 30, "listed: 105, 108").Snapshot(31));
        never.Validity.Should().Be(Validity.Invalid);
        never.Summary.Should().Be("broker 106 back in the metadata: not within 30 s (listed: 105, 108)");

        var late = new LiteralHistory().Wait("x", "y", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), at: 2).Snapshot(3);
        new DeadlineChecker("x").Check(late).Validity.Should().Be(Validity.Invalid);
    }

    [Fact]
    public void A_wait_the_history_does_not_hold_leaves_the_verdict_unknown()
    {
        var other = new LiteralHistory().Wait("send-finished", "every message with an outcome", TimeSpan.FromSeconds(1), TimeSpan.Zero, at: 1).Snapshot(2);

        var v = new DeadlineChecker("broker-back").Check(other);

        v.Validity.Should().Be(Validity.Unknown);
        v.Summary.Should().Be("no wait named 'broker-back' is in the history, so there is nothing to judge");
    }

}
