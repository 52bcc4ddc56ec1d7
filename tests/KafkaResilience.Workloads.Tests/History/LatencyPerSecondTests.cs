using FluentAssertions;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Workloads.Tests.History;

public sealed class LatencyPerSecondTests
{
    [Fact]
    public void Ack_latency_is_kept_second_by_second_so_a_slow_second_stands_out()
    {
        // Given: 100 acks in second 1 taking 1..100 ms, then 10 acks in second 2 taking 500 ms.
        var h = new LiteralHistory();
        for (var i = 0; i < 100; i++) h.Ack(0, i, sentAt: 1, at: 1 + (i + 1) / 1000.0);
        for (var i = 100; i < 110; i++) h.Ack(0, i, sentAt: 1.6, at: 2.1);

        // When
        var points = h.Snapshot(at: 3).AckLatencyPerSecond;

        // Then (one significant digit: values within 10 %)
        points.Select(p => p.Second).Should().Equal(1, 2);
        points[0].Count.Should().Be(100);
        points[0].P50Ms.Should().BeApproximately(50, 5);
        points[0].P99Ms.Should().BeApproximately(99, 10);
        points[1].Count.Should().Be(10);
        points[1].P50Ms.Should().BeApproximately(500, 50);
        points[1].MaxMs.Should().BeApproximately(500, 50);
    }
}
