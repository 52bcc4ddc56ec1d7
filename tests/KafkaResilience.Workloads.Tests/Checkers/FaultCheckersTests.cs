using FluentAssertions;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Checkers;

/// <summary>The checkers of a fault's aftermath: the producer's stall, leaders moved (or not), what a wait saw.</summary>
public sealed class FaultCheckersTests
{
    // A kill at 2 s: partition 0 keeps acking every 0.5 s; partition 2 (led by the killed broker) acks again at 5 s.
    private static LiteralHistory KillAtTwo(bool partitionTwoResumes = true)
    {
        var h = new LiteralHistory();
        h.Ack(0, 0, 0.9, 1.0, partition: 2, offset: 0);
        h.Fault("kill", at: 2);
        for (var s = 1; s <= 6; s++) h.Ack(0, s, 1.5 + s * 0.5, 1.6 + s * 0.5, partition: 0, offset: s);
        if (partitionTwoResumes) h.Ack(0, 7, 4.9, 5.0, partition: 2, offset: 1);
        return h;
    }

    [Fact]
    public void A_stall_on_the_faulted_broker_s_partitions_is_judged_although_other_partitions_keep_acking()
    {
        var history = KillAtTwo().Snapshot(6);

        var lenient = new ProducerStallChecker(TimeSpan.FromSeconds(3), [2]).Check(history);
        lenient.Validity.Should().Be(Validity.Valid);
        lenient.Numbers["judged-seconds"].Should().BeApproximately(3, 1e-9);
        var strict = new ProducerStallChecker(TimeSpan.FromSeconds(2.5), [2]).Check(history);
        strict.Validity.Should().Be(Validity.Invalid);
        strict.Summary.Should().Contain("partition 2 acked again after 3.000 s");
    }

    [Fact]
    public void Without_the_faulted_partitions_only_the_whole_run_stall_counts()
    {
        var v = new ProducerStallChecker(TimeSpan.FromSeconds(1), []).Check(KillAtTwo().Snapshot(6));

        v.Validity.Should().Be(Validity.Valid);
        v.Numbers["judged-seconds"].Should().Be(v.Numbers["longest-seconds"]);
    }

    [Fact]
    public void A_faulted_partition_that_never_acked_again_stalled_for_the_rest_of_the_run()
    {
        // Given: partition 2 is never acknowledged again while a send (of which the history cannot tell the partition) still waits
        var h = KillAtTwo(partitionTwoResumes: false);
        h.Send(0, 7, at: 4.9);

        var v = new ProducerStallChecker(TimeSpan.FromSeconds(30), [2]).Check(h.Snapshot(6));

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
        h.Fault("kill", at: 2);

        // When
        var v = new ProducerStallChecker(TimeSpan.FromSeconds(30), [2]).Check(h.Snapshot(6));

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
        h.Fault("kill", at: 2);
        h.Ack(0, 1, 2.1, 2.2, partition: 0, offset: 0).Ack(0, 2, 2.1, 2.3, partition: 0, offset: 1);

        // When
        var v = new ProducerStallChecker(TimeSpan.FromSeconds(30), [0, 2]).Check(h.Snapshot(6));

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
        h.Fault("kill", at: 2);
        h.Ack(0, 1, 2.1, 2.2, partition: 0, offset: 0).Ack(0, 2, 1.9, 4.0, SendOutcome.Failed, partition: 2);

        // When
        var v = new ProducerStallChecker(TimeSpan.FromSeconds(30), [2]).Check(h.Snapshot(6));

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
        h.Fault("kill", at: 2);
        h.Send(0, 1, at: 2.5);

        // When
        var v = new ProducerStallChecker(TimeSpan.FromSeconds(30), [2]).Check(h.Snapshot(6));

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
    public void Without_a_fault_there_is_nothing_to_resume_from()
    {
        var h = new LiteralHistory().AckRange(0, 0, 3, at: 1);

        new RecoveryTimeChecker(null, maxToFirstConsume: TimeSpan.FromSeconds(1)).Check(h.Snapshot(2)).Validity.Should().Be(Validity.Unknown);
    }

    private static PartitionLeaders Leaders(params int?[] leaders) =>
        new("f", leaders.Select((l, p) => (p, l)).ToDictionary(x => x.p, x => x.l));

    [Fact]
    public void Leaders_moved_off_the_lost_broker_to_an_allowed_one()
    {
        var before = Leaders(105, 106, 108);

        new LeadersMovedChecker(106, [105, 108], before, Leaders(105, 108, 108)).Check(Empty()).Validity.Should().Be(Validity.Valid);
        var stayed = new LeadersMovedChecker(106, [105, 108], before, Leaders(105, 106, 108)).Check(Empty());
        stayed.Validity.Should().Be(Validity.Invalid);
        stayed.Examples.Should().Equal("partition 1 is led by 106, not one of 105, 108");
        new LeadersMovedChecker(106, [105, 108], before, Leaders(105, null, 108)).Check(Empty()).Validity.Should().Be(Validity.Invalid);
    }

    [Fact]
    public void A_lost_broker_that_led_nothing_leaves_nothing_to_move()
    {
        var v = new LeadersMovedChecker(106, [105, 108], Leaders(105, 108, 108), Leaders(105, 108, 108)).Check(Empty());

        v.Validity.Should().Be(Validity.Invalid);
        v.Summary.Should().Contain("led no partition");
    }

    [Fact]
    public void A_restarted_broker_leads_nothing_again()
    {
        new NotLedByChecker(106, Leaders(105, 108, 108)).Check(Empty()).Validity.Should().Be(Validity.Valid);
        new NotLedByChecker(106, Leaders(105, 106, 108)).Check(Empty()).Examples.Should().Equal("broker 106 leads partition(s) 1 of \"f\"");
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
    public void A_wait_is_judged_on_when_it_saw_its_condition()
    {
        new DeadlineChecker("broker-back", "broker 106 back in the metadata", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(4))
            .Check(Empty()).Validity.Should().Be(Validity.Valid);
        var never = new DeadlineChecker("broker-back", "broker 106 back in the metadata", TimeSpan.FromSeconds(30), null, "listed: 105, 108").Check(Empty());
        never.Validity.Should().Be(Validity.Invalid);
        never.Summary.Should().Be("broker 106 back in the metadata: not within 30 s (listed: 105, 108)");
        new DeadlineChecker("x", "y", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)).Check(Empty()).Validity.Should().Be(Validity.Invalid);
    }

    private static HistorySnapshot Empty() => new LiteralHistory().Snapshot(1);
}
