using FluentAssertions;
using KafkaResilience.Workloads.Checkers;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Checkers;

public sealed class LatencyCeilingCheckerTests
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
        var v = new LatencyCeilingChecker(LatencyKind.Ack, new LatencyCeilings(P50Ms: 60, P99Ms: 120, MaxMs: 150)).Check(OneToHundredMs().Snapshot(2));
        v.Validity.Should().Be(Validity.Valid);
        v.Numbers["p50-ms"].Should().BeApproximately(50, 0.1);
    }

    [Fact]
    public void A_percentile_over_its_ceiling_is_invalid_and_named()
    {
        var v = new LatencyCeilingChecker(LatencyKind.Ack, new LatencyCeilings(P95Ms: 90)).Check(OneToHundredMs().Snapshot(2));
        v.Validity.Should().Be(Validity.Invalid);
        v.Examples.Should().ContainSingle().Which.Should().StartWith("p95 95");
    }

    [Fact]
    public void No_latency_recorded_cannot_be_judged()
    {
        new LatencyCeilingChecker(LatencyKind.EndToEnd, new LatencyCeilings(P99Ms: 1)).Check(OneToHundredMs().Snapshot(2))
            .Validity.Should().Be(Validity.Unknown);
    }

    [Fact]
    public void End_to_end_latency_runs_from_send_to_first_read()
    {
        var h = new LiteralHistory().AckRange(0, 0, 1, at: 1).Read("c", 0, 0, 0, 0, at: 1.25, sentAt: 1);
        var v = new LatencyCeilingChecker(LatencyKind.EndToEnd, new LatencyCeilings(MaxMs: 200)).Check(h.Snapshot(2));
        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["max-ms"].Should().BeApproximately(250, 0.5);
    }

    [Fact]
    public void A_ceiling_must_be_positive()
    {
        var act = () => new LatencyCeilingChecker(LatencyKind.Ack, new LatencyCeilings(P99Ms: 0));
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*p99*");
    }
}
