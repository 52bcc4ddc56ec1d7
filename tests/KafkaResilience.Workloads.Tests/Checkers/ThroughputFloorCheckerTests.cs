using FluentAssertions;
using KafkaResilience.Workloads.Checkers;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Checkers;

public sealed class ThroughputFloorCheckerTests
{
    /// <summary>100 acks per 100 ms (1000/s) for 5 s, except none during [2, 3).</summary>
    private static LiteralHistory WithDip()
    {
        var h = new LiteralHistory();
        long seq = 0;
        for (var t = 0.05; t < 5; t += 0.1)
        {
            if (t is > 2 and < 3) continue;
            h.AckRange(0, seq, seq + 100, at: t, firstOffset: seq);
            seq += 100;
        }
        return h;
    }

    [Fact]
    public void The_overall_rate_is_counted_over_the_active_span()
    {
        var v = new ThroughputFloorChecker(SeriesKind.Acked, 700).Check(WithDip().Snapshot(6));
        v.Validity.Should().Be(Validity.Valid);
        v.Numbers["total"].Should().Be(4000);
        v.Numbers["rate-per-second"].Should().BeApproximately(800, 1e-6);
    }

    [Fact]
    public void An_overall_rate_below_the_floor_is_invalid()
    {
        new ThroughputFloorChecker(SeriesKind.Acked, 900).Check(WithDip().Snapshot(6)).Validity.Should().Be(Validity.Invalid);
    }

    [Fact]
    public void A_window_below_its_floor_is_invalid_and_named()
    {
        var v = new ThroughputFloorChecker(SeriesKind.Acked, 500, minWindowPerSecond: 500, window: TimeSpan.FromSeconds(1)).Check(WithDip().Snapshot(6));
        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["lowest-window-per-second"].Should().Be(0);
        v.Examples.Should().ContainSingle().Which.Should().StartWith("window at 2.0s");
    }

    [Fact]
    public void No_records_at_all_is_below_any_floor()
    {
        new ThroughputFloorChecker(SeriesKind.Consumed, 1).Check(new LiteralHistory().Snapshot(2)).Validity.Should().Be(Validity.Invalid);
    }
}
