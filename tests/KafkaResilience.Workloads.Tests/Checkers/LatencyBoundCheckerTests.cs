using FluentAssertions;
using KafkaResilience.Workloads.Checkers;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Checkers;

public sealed class LatencyBoundCheckerTests
{
    private static LiteralHistory OneToHundredMs()
    {
        var h = new LiteralHistory();
        for (var i = 0; i < 100; i++) h.Ack(0, i, sentAt: 1, at: 1 + (i + 1) / 1000.0, partition: 0, offset: i);
        return h;
    }

    [Fact]
    public void Percentiles_under_their_ceilings_are_valid()
    {
        var v = new LatencyBoundChecker(LatencyKind.Ack,
            LatencyBound.AtMost(LatencyMeasure.P50, 60), LatencyBound.AtMost(LatencyMeasure.P99, 120), LatencyBound.AtMost(LatencyMeasure.Max, 150))
            .Check(OneToHundredMs().Snapshot(2));
        v.Validity.Should().Be(Validity.Valid);
        v.Numbers["p50-ms"].Should().BeApproximately(50, 0.1);
    }

    [Fact]
    public void A_percentile_over_its_ceiling_is_invalid_and_named()
    {
        var v = new LatencyBoundChecker(LatencyKind.Ack, LatencyBound.AtMost(LatencyMeasure.P95, 90)).Check(OneToHundredMs().Snapshot(2));
        v.Validity.Should().Be(Validity.Invalid);
        v.Examples.Should().ContainSingle().Which.Should().StartWith("p95 95");
        v.Numbers["bound-ms"].Should().Be(90);
    }

    [Fact]
    public void A_floor_holds_when_the_measure_reaches_it_and_fails_below()
    {
        var history = OneToHundredMs().Snapshot(2);

        new LatencyBoundChecker(LatencyKind.Ack, LatencyBound.AtLeast(LatencyMeasure.P99, 99)).Check(history).Validity.Should().Be(Validity.Valid);
        var below = new LatencyBoundChecker(LatencyKind.Ack, LatencyBound.AtLeast(LatencyMeasure.P99, 150)).Check(history);
        below.Validity.Should().Be(Validity.Invalid);
        below.Examples.Should().ContainSingle().Which.Should().MatchRegex(@"^p99 99(\.\d+)? ms, expected p99 at least 150 ms$");
    }

    [Fact]
    public void The_mean_is_a_measure_too()
    {
        var v = new LatencyBoundChecker(LatencyKind.Ack, LatencyBound.AtMost(LatencyMeasure.Mean, 40)).Check(OneToHundredMs().Snapshot(2));
        v.Validity.Should().Be(Validity.Invalid);
        v.Summary.Should().StartWith("average 50.");
    }

    [Fact]
    public void No_latency_recorded_cannot_be_judged()
    {
        new LatencyBoundChecker(LatencyKind.EndToEnd, LatencyBound.AtMost(LatencyMeasure.P99, 1)).Check(OneToHundredMs().Snapshot(2))
            .Validity.Should().Be(Validity.Unknown);
    }

    [Fact]
    public void End_to_end_latency_runs_from_send_to_first_read()
    {
        var h = new LiteralHistory().AckRange(0, 0, 1, at: 1).Read("c", 0, 0, 0, 0, at: 1.25, sentAt: 1);
        var v = new LatencyBoundChecker(LatencyKind.EndToEnd, LatencyBound.AtMost(LatencyMeasure.Max, 200)).Check(h.Snapshot(2));
        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["max-ms"].Should().BeApproximately(250, 0.5);
    }

    [Fact]
    public void A_bound_must_be_positive()
    {
        var act = () => LatencyBound.AtMost(LatencyMeasure.P99, 0);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*p99*");
    }
}
