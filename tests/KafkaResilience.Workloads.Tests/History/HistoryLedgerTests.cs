using FluentAssertions;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Workloads.Tests.History;

public sealed class HistoryLedgerTests
{
    [Fact]
    public void Counts_and_series_follow_the_recorded_operations()
    {
        // Given
        var h = new LiteralHistory(bucketSeconds: 1);
        h.AckRange(0, 0, 10, at: 0.5);
        h.Ack(0, 10, sentAt: 1.2, at: 1.5, SendOutcome.Failed);
        h.Ack(0, 11, sentAt: 1.2, at: 2.5, SendOutcome.Unknown);
        h.Send(0, 12, at: 2.6);
        h.ReadRange("c1", 0, 0, 10, partition: 0, firstOffset: 0, at: 1.1);

        // When
        var s = h.Snapshot(at: 3);

        // Then
        s.TotalSent.Should().Be(13);
        s.TotalOk.Should().Be(10);
        s.TotalFailed.Should().Be(1);
        s.TotalUnknown.Should().Be(1);
        s.TotalPending.Should().Be(1);
        s.Sent.PerSecond().Should().Equal((0, 10L), (1, 2L), (2, 1L), (3, 0L));
        s.Acked.PerSecond()[0].Should().Be((0, 10L));
        s.ConsumedFirst.PerSecond()[1].Should().Be((1, 10L));
        s.Consumers.Should().ContainSingle().Which.Consumed.Should().Be(10);
        s.AckLatency.Count.Should().Be(10);
        s.EndToEndLatency.Count.Should().Be(10);
    }

    [Fact]
    public void Latency_percentiles_come_from_the_recorded_acks()
    {
        var h = new LiteralHistory();
        for (var i = 0; i < 100; i++) h.Ack(0, i, sentAt: 1, at: 1 + (i + 1) / 1000.0); // 1..100 ms
        var s = h.Snapshot(at: 2);

        s.AckLatency.P50Ms.Should().BeApproximately(50, 0.1);
        s.AckLatency.P99Ms.Should().BeApproximately(99, 0.1);
        s.AckLatency.MaxMs.Should().BeApproximately(100, 0.1);
        s.AckLatency.MeanMs.Should().BeApproximately(50.5, 0.1);
    }

    [Fact]
    public void Records_of_another_run_are_counted_as_foreign_not_as_ours()
    {
        var h = new LiteralHistory();
        var consumer = h.Ledger.AddConsumer("c");
        consumer.Consumed(0, 0, PayloadFormat.NewBuffer(100, new PayloadHeader(999, 0, 0, 0)), h.Clock.At(1));
        consumer.Consumed(0, 1, "plain text from kcat"u8, h.Clock.At(1));

        var s = h.Snapshot(at: 2);
        s.Foreign.Should().Be(2);
        s.ConsumedFirst.Total.Should().Be(0);
        s.Consumers[0].Foreign.Should().Be(2);
    }

    [Fact]
    public void Records_read_again_on_purpose_count_for_throughput_not_as_duplicates()
    {
        // Given: 10 records read once, then a second pass over the same offsets marked as re-reads
        var h = new LiteralHistory(bucketSeconds: 1);
        h.AckRange(0, 0, 10, at: 0.5);
        h.ReadRange("c", 0, 0, 10, partition: 0, firstOffset: 0, at: 1.1);
        var reader = h.Ledger.ConsumersSnapshot().Single();
        for (var i = 0; i < 10; i++) reader.Reread(100, h.Clock.At(2.1));

        // When
        var s = h.Snapshot(at: 3);

        // Then
        s.Consumers.Single().Consumed.Should().Be(20);
        s.Consumers.Single().Reread.Should().Be(10);
        s.Consumers.Single().LastAt.Should().Be(TimeSpan.FromSeconds(2.1));
        s.DeliveredTwice.Should().Be(0);
        s.WrittenTwice.Should().Be(0);
        s.Consumed.PerSecond()[2].Should().Be((2, 10L));
        s.ConsumedFirst.Total.Should().Be(10);
    }

    [Fact]
    public void The_same_offset_of_two_topics_is_two_records_but_read_twice_in_one_topic_is_a_redelivery()
    {
        // Given: producer 0 writes to topic a, producer 1 to topic b, both to partition 0 at offsets 0..4
        var h = new LiteralHistory();
        h.AckRange(0, 0, 5, at: 0.5).AckRange(1, 0, 5, at: 0.5);
        var reader = h.Ledger.AddConsumer("c");
        var a = h.Ledger.TopicIndex("a");
        var b = h.Ledger.TopicIndex("b");
        void Read(int producer, long seq, int topic) =>
            reader.Consumed(0, seq, PayloadFormat.NewBuffer(100, new PayloadHeader(h.Ledger.RunTag, producer, seq, 0)), h.Clock.At(1), topic);

        // When: both topics are read once, then offset 3 of topic a again
        for (var seq = 0; seq < 5; seq++) { Read(0, seq, a); Read(1, seq, b); }
        Read(0, 3, a);
        var s = h.Snapshot(at: 2);

        // Then
        h.Ledger.TopicIndex("a").Should().Be(a, "a topic keeps its number");
        b.Should().NotBe(a);
        s.ConsumedFirst.Total.Should().Be(10);
        s.DeliveredTwice.Should().Be(1);
        s.WrittenTwice.Should().Be(0);
        s.Reordered.Should().Be(0);
    }

    [Fact]
    public void A_fault_mark_notes_the_first_ack_and_read_after_it_per_partition()
    {
        var h = new LiteralHistory();
        var fault = h.Fault("kill-106", at: 2);
        h.Ack(0, 0, sentAt: 1, at: 1.5, partition: 1, offset: 0);
        h.Ack(0, 1, sentAt: 2, at: 2.25, partition: 0, offset: 0);
        h.Ack(0, 2, sentAt: 2, at: 4.5, partition: 1, offset: 1);
        h.Read("c", 0, 1, partition: 0, offset: 0, at: 3);

        // Times are since the run's origin; the fault was injected at 2 s.
        fault.InjectedAt.Should().Be(TimeSpan.FromSeconds(2));
        fault.FirstAckAfter.Should().Be(TimeSpan.FromSeconds(2.25));
        fault.FirstAckAfterOn(1).Should().Be(TimeSpan.FromSeconds(4.5));
        fault.FirstAckAfterOn(2).Should().BeNull();
        fault.FirstConsumeAfter.Should().Be(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void A_second_outcome_for_the_same_send_replaces_the_first_and_is_counted()
    {
        var h = new LiteralHistory();
        h.Ack(0, 0, 1, 1.1, SendOutcome.Unknown);
        h.Producer(0).Outcome(0, SendOutcome.Ok, 0, 5, h.Clock.At(1), h.Clock.At(1.2));

        var s = h.Snapshot(2);
        s.Producers[0].Ok.Should().Be(1);
        s.Producers[0].Unknown.Should().Be(0);
        s.Producers[0].RepeatedOutcomes.Should().Be(1);
    }

    [Fact]
    public void Options_out_of_range_are_refused_with_the_setting_named()
    {
        var act = () => new HistoryLedger(new LedgerOptions { BucketWidth = TimeSpan.Zero });
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("BucketWidth");
    }

    [Fact]
    public void Ok_reports_mark_their_offsets_acknowledged_and_an_offset_named_twice_is_counted()
    {
        // Given: offsets 0..3 acked in partition 0, then two other records acked at 2 and 3 again; one ok named no offset
        var h = new LiteralHistory().AckRange(0, 0, 4, at: 1).AckRange(1, 0, 2, at: 2, firstOffset: 2).Ack(2, 0, sentAt: 2, at: 2);

        // When
        var s = h.Snapshot(3);

        // Then
        s.AckedTwiceAtOffset.Should().Be(2);
        s.OkWithoutOffset.Should().Be(1);
        s.CountAcked(0, 0).Should().Be((4L, 4L));
        s.CountAcked(0, 0, from: 1, to: 3).Should().Be((2L, 2L));
        s.CountAcked(0, 1).Should().Be((0L, 0L));
    }

    [Fact]
    public void Acknowledged_offsets_read_are_not_unread_and_ranges_cut_words_at_any_bit()
    {
        var h = new LiteralHistory().AckRange(0, 0, 200, at: 1).ReadRange("c", 0, 0, 100, 0, 0, at: 2);
        var s = h.Snapshot(3);
        s.CountAcked(0, 0).Should().Be((200L, 100L));
        s.CountAcked(0, 0, from: 63, to: 129).Should().Be((66L, 29L));
        s.CountAcked(0, 0, from: 150, to: 150).Should().Be((0L, 0L));
        s.CountAcked(0, 0, from: 190, to: long.MaxValue).Should().Be((10L, 10L));
    }

    [Fact]
    public void An_offset_reset_is_kept_with_its_topic_name_and_put_on_the_timeline()
    {
        var h = new LiteralHistory();
        var topic = h.Ledger.TopicIndex("orders");
        h.Ledger.AddConsumer("g-0").OffsetReset(2, 100, 250, OffsetResetKind.ToLogStart, "Offset out of range", h.Clock.At(1.5), topic);

        var s = h.Snapshot(2);

        s.OffsetResets.Should().ContainSingle().Which.Should().Be(
            new OffsetReset(TimeSpan.FromSeconds(1.5), "g-0", "orders", 2, 100, 250, OffsetResetKind.ToLogStart, "Offset out of range"));
        s.OffsetResets[0].Skipped.Should().Be(150);
        s.Events.Should().Contain(e => e.Description.Contains("g-0 offset reset on orders-2 from 100 to 250", StringComparison.Ordinal));
    }

    [Fact]
    public void Tracked_memory_stays_under_two_thirds_of_a_byte_per_message()
    {
        // Bitmaps: 2 bits outcome + 1 bit consumed per record, 1 bit per partition offset read = 0.5 B/record;
        // the acknowledged offsets cost only their chunks still being filled.
        var h = new LiteralHistory();
        var p = h.Producer(0);
        var c = h.Ledger.AddConsumer("c");
        var payload = PayloadFormat.NewBuffer(100, new PayloadHeader(h.Ledger.RunTag, 0, 0, 0));
        const int n = 3_000_000;
        var now = h.Clock.At(1);
        for (long i = 0; i < n; i++)
        {
            p.Sent(i, now);
            p.Outcome(i, SendOutcome.Ok, (int)(i % 3), i / 3, now, now);
            PayloadFormat.WriteSequence(payload, i, now);
            c.Consumed((int)(i % 3), i / 3, payload, now);
        }

        (h.Ledger.TrackedBytes / (double)n).Should().BeLessThan(0.64);
        var s = h.Snapshot(2);
        s.WrittenTwice.Should().Be(0);
        s.DeliveredTwice.Should().Be(0);
        s.Reordered.Should().Be(0);
    }
}
