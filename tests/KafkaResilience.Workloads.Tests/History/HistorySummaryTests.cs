using System.Text.Json;
using FluentAssertions;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Workloads.Tests.History;

public sealed class HistorySummaryTests
{
    [Fact]
    public void The_dump_carries_the_totals_series_and_latencies_of_the_recorded_history()
    {
        // Given
        var h = new LiteralHistory(bucketSeconds: 1);
        h.AckRange(0, 0, 10, at: 0.5);
        h.Ack(0, 10, sentAt: 1.2, at: 1.5, SendOutcome.Failed);
        h.Ack(0, 11, sentAt: 1.2, at: 2.5, SendOutcome.Unknown);
        h.ReadRange("c1", 0, 0, 10, partition: 0, firstOffset: 0, at: 1.1);

        // When
        var summary = HistorySummary.Of(h.Snapshot(at: 3));
        using var json = JsonDocument.Parse(summary.ToJson());

        // Then
        summary.Sent.Should().Be(12);
        summary.Acknowledged.Should().Be(10);
        summary.Failed.Should().Be(1);
        summary.Unknown.Should().Be(1);
        summary.Consumed.Should().Be(10);
        summary.PerSecond["sent"].Should().Equal(10L, 2L, 0L, 0L); // both later sends left at 1.2 s
        summary.PerSecond["acknowledged"][0].Should().Be(10);
        summary.Latency["ack"].Count.Should().Be(10);
        summary.Consumers.Should().ContainSingle().Which.Name.Should().Be("c1");
        json.RootElement.GetProperty("acknowledged").GetInt64().Should().Be(10);
        json.RootElement.GetProperty("perSecond").GetProperty("consumed").EnumerateArray().Sum(e => e.GetInt64()).Should().Be(10);
    }
}
