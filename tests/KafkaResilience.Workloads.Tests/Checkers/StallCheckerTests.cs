using FluentAssertions;
using KafkaResilience.Workloads.Checkers;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Checkers;

public sealed class StallCheckerTests
{
    /// <summary>Acks 10 records at each of 0.05 .. 5.95 s (every 100 ms); reads them at the given times only.</summary>
    private static LiteralHistory Steady(Func<double, bool> readAt)
    {
        var h = new LiteralHistory();
        long seq = 0;
        for (var i = 0; i < 60; i++)
        {
            var t = 0.05 + i * 0.1;
            h.AckRange(0, seq, seq + 10, at: t, firstOffset: seq);
            if (readAt(t)) h.ReadRange("c", 0, 0, seq + 10, 0, 0, at: t); // catch up on everything (re-reads are not progress)
            seq += 10;
        }
        return h;
    }

    [Fact]
    public void Consumers_that_keep_up_never_stall()
    {
        var v = new StallChecker(StallSide.Consumer, TimeSpan.FromSeconds(0.5)).Check(Steady(_ => true).Snapshot(6));
        v.Validity.Should().Be(Validity.Valid);
        v.Numbers["longest-stall-seconds"].Should().Be(0);
    }

    [Fact]
    public void A_gap_in_reading_while_records_wait_is_a_stall_with_its_duration()
    {
        var h = Steady(t => t < 2 || t > 4.5);
        var s = h.Snapshot(6);

        var stalls = StallChecker.Stalls(s, StallSide.Consumer);
        stalls.Should().ContainSingle();
        // Records acked at 2.05 s wait from the next 100 ms bucket on; reading resumes at 4.55 s.
        stalls[0].Start.TotalSeconds.Should().BeApproximately(2.1, 1e-9);
        stalls[0].End!.Value.TotalSeconds.Should().BeApproximately(4.5, 1e-9);

        new StallChecker(StallSide.Consumer, TimeSpan.FromSeconds(2)).Check(s).Validity.Should().Be(Validity.Invalid);
        new StallChecker(StallSide.Consumer, TimeSpan.FromSeconds(3)).Check(s).Validity.Should().Be(Validity.Valid);
    }

    [Fact]
    public void A_stall_that_never_ended_is_reported_as_never_resumed()
    {
        var s = Steady(t => t < 3).Snapshot(8);
        var v = new StallChecker(StallSide.Consumer, TimeSpan.FromSeconds(1)).Check(s);
        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["never-resumed"].Should().Be(1);
        v.Numbers["longest-stall-seconds"].Should().BeApproximately(5.0, 1e-9); // 3.1 s to the end of the snapshot's bucket (8.1 s)
        v.Examples.Should().ContainSingle().Which.Should().Contain("never resumed");
    }

    [Fact]
    public void Idle_consumers_with_nothing_to_read_are_not_stalled()
    {
        var h = new LiteralHistory().AckRange(0, 0, 10, at: 0.05).ReadRange("c", 0, 0, 10, 0, 0, at: 0.15);
        var v = new StallChecker(StallSide.Consumer, TimeSpan.FromSeconds(1)).Check(h.Snapshot(10));
        v.Validity.Should().Be(Validity.Valid);
    }

    [Fact]
    public void A_producer_without_acks_while_sends_are_outstanding_is_stalled()
    {
        var h = new LiteralHistory();
        for (var i = 0; i < 50; i++) h.Send(0, i, at: 0.05 + i * 0.1);
        for (var i = 0; i < 20; i++) h.Producer(0).Outcome(i, KafkaResilience.Workloads.History.SendOutcome.Ok, 0, i, h.Clock.At(0.05 + i * 0.1), h.Clock.At(0.06 + i * 0.1));
        for (var i = 20; i < 50; i++) h.Producer(0).Outcome(i, KafkaResilience.Workloads.History.SendOutcome.Ok, 0, i, h.Clock.At(0.05 + i * 0.1), h.Clock.At(4.55));

        var v = new StallChecker(StallSide.Producer, TimeSpan.FromSeconds(1)).Check(h.Snapshot(5));
        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["longest-stall-seconds"].Should().BeApproximately(2.4, 1e-9);
    }

    [Fact]
    public void A_threshold_must_be_positive()
    {
        var act = () => new StallChecker(StallSide.Consumer, TimeSpan.Zero);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("threshold");
    }
}
