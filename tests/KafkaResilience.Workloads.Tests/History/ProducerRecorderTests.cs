using FluentAssertions;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Workloads.Tests.History;

/// <summary>A batch of delivery reports is recorded as the same reports recorded one by one would be.</summary>
public sealed class ProducerRecorderTests
{
    [Fact]
    public void A_batch_of_reports_counts_each_outcome_once_and_marks_each_acknowledged_offset()
    {
        // Given: ten sends, reported together: seven ok at offsets 0-4 and 10-11 of partition 1, two failed, one unknown
        var h = new LiteralHistory();
        var producer = h.Producer(0);
        producer.Sent(0, 10, h.Clock.At(1));
        var sent = h.Clock.At(1);
        Delivery[] batch =
        [
            new(0, SendOutcome.Ok, 1, 0, sent), new(1, SendOutcome.Ok, 1, 1, sent), new(2, SendOutcome.Ok, 1, 2, sent),
            new(3, SendOutcome.Failed, 1, -1, sent), new(4, SendOutcome.Ok, 1, 3, sent), new(5, SendOutcome.Ok, 1, 4, sent),
            new(6, SendOutcome.Unknown, 1, -1, sent), new(7, SendOutcome.Ok, 1, 10, sent), new(8, SendOutcome.Ok, 1, 11, sent, PossiblyPersisted: true),
            new(9, SendOutcome.Failed, -1, -1, sent),
        ];

        // When
        producer.Reported(batch, h.Clock.At(1.25));

        // Then
        var s = h.Snapshot(2);
        s.Producers[0].Should().BeEquivalentTo(new { Sent = 10L, Ok = 7L, Failed = 2L, Unknown = 1L, Pending = 0L, OkPossiblyPersisted = 1L, RepeatedOutcomes = 0L });
        for (var seq = 0; seq < 10; seq++) s.OutcomeOf(0, seq).Should().Be(batch[seq].Outcome);
        s.CountAcked(0, 1).Acked.Should().Be(7);
        s.CountAcked(0, 1, 0, 5).Acked.Should().Be(5);
        s.CountAcked(0, 1, 5, 10).Acked.Should().Be(0);
        s.CountAcked(0, 1, 10, 12).Acked.Should().Be(2);
        s.AckedTwiceAtOffset.Should().Be(0);
        s.AckLatency.Count.Should().Be(7);
        s.AckLatency.P50Ms.Should().BeApproximately(250, 1);
        s.Acked.Total.Should().Be(7);
        s.Failed.Total.Should().Be(2);
        s.Unknown.Total.Should().Be(1);
    }

    [Fact]
    public void An_offset_acknowledged_in_two_batches_is_counted_as_acknowledged_twice()
    {
        var h = new LiteralHistory();
        var producer = h.Producer(0);
        producer.Sent(0, 4, h.Clock.At(1));
        producer.Reported([new(0, SendOutcome.Ok, 0, 7, h.Clock.At(1)), new(1, SendOutcome.Ok, 0, 8, h.Clock.At(1))], h.Clock.At(1.1));

        // When: another send is acknowledged at offset 8 again, and one at the next offset
        producer.Reported([new(2, SendOutcome.Ok, 0, 8, h.Clock.At(1)), new(3, SendOutcome.Ok, 0, 9, h.Clock.At(1))], h.Clock.At(1.2));

        // Then
        var s = h.Snapshot(2);
        s.AckedTwiceAtOffset.Should().Be(1);
        s.CountAcked(0, 0).Acked.Should().Be(3);
        s.TotalOk.Should().Be(4);
    }

    [Fact]
    public void A_second_report_for_a_send_in_a_batch_replaces_the_first_and_is_counted()
    {
        var h = new LiteralHistory();
        var producer = h.Producer(0);
        producer.Sent(0, 2, h.Clock.At(1));
        producer.Reported([new(0, SendOutcome.Unknown, 0, -1, h.Clock.At(1)), new(1, SendOutcome.Ok, 0, 0, h.Clock.At(1))], h.Clock.At(1.1));

        producer.Reported([new(0, SendOutcome.Ok, 0, 1, h.Clock.At(1))], h.Clock.At(1.2));

        var s = h.Snapshot(2);
        s.Producers[0].Should().BeEquivalentTo(new { Ok = 2L, Unknown = 0L, RepeatedOutcomes = 1L });
    }

    [Fact]
    public void A_batch_holding_a_pending_outcome_is_refused_before_anything_is_recorded()
    {
        var h = new LiteralHistory();
        var producer = h.Producer(0);
        producer.Sent(0, 2, h.Clock.At(1));

        var act = () => producer.Reported([new(0, SendOutcome.Ok, 0, 0, h.Clock.At(1)), new(1, SendOutcome.Pending, 0, 1, h.Clock.At(1))], h.Clock.At(1.1));

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*sequence 1*");
        var s = h.Snapshot(2);
        s.TotalOk.Should().Be(0);
        s.OutcomeOf(0, 0).Should().Be(SendOutcome.Pending);
    }

    [Fact]
    public void Sends_recorded_as_a_batch_count_every_sequence_at_the_batch_time()
    {
        var h = new LiteralHistory();
        var producer = h.Producer(0);

        producer.Sent(0, 256, h.Clock.At(0.5));
        producer.Sent(256, 44, h.Clock.At(1.5));

        var s = h.Snapshot(2);
        s.Producers[0].Sent.Should().Be(300);
        s.Producers[0].Pending.Should().Be(300);
        s.Sent.PerWindow(TimeSpan.FromSeconds(1)).Select(w => w.Count).Should().Equal(256, 44, 0);
        s.Producers[0].FirstSendAt.Should().Be(TimeSpan.FromSeconds(0.5));
        s.Producers[0].LastSendAt.Should().Be(TimeSpan.FromSeconds(1.5));
    }
}
