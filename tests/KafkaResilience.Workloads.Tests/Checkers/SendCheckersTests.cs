using FluentAssertions;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Checkers;

/// <summary>The checkers of one send: acknowledged, counted by the interceptor, its rate over the send window.</summary>
public sealed class SendCheckersTests
{
    // Producer 0 is a prefill (before the scenario's send), producers 1 and 2 are the send's two streams:
    // 8 sends from 10 s to 12 s, 6 acknowledged, 1 failed, 1 unknown.
    private static HistorySnapshot PrefillThenSend()
    {
        var h = new LiteralHistory();
        h.AckRange(0, 0, 1000, at: 1);
        for (var s = 0; s < 3; s++) h.Ack(1, s, sentAt: 10 + s * 0.5, at: 10.1 + s * 0.5, partition: 0, offset: s);
        h.Ack(1, 3, sentAt: 11.5, at: 11.6, SendOutcome.Failed);
        for (var s = 0; s < 3; s++) h.Ack(2, s, sentAt: 10 + s * 0.5, at: 10.2 + s * 0.5, partition: 1, offset: s);
        h.Ack(2, 3, sentAt: 11.8, at: 12, SendOutcome.Unknown);
        return h.Snapshot(13);
    }

    private static readonly int[] Send = [1, 2];

    [Fact]
    public void Totals_cover_only_the_send_s_streams_from_the_first_send_to_the_last_outcome()
    {
        var totals = SendTotals.Of(PrefillThenSend(), Send);

        totals.Should().Be(new SendTotals(2, 8, 6, 1, 1, 0, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(12)));
        totals.Seconds.Should().BeApproximately(2, 1e-9);
        totals.AckedPerSecond.Should().BeApproximately(3, 1e-9);
    }

    [Fact]
    public void Every_message_acknowledged_holds_only_when_all_of_them_are()
    {
        var history = PrefillThenSend();

        new AcknowledgedChecker(Send, 6).Check(history).Validity.Should().Be(Validity.Valid);
        var all = new AcknowledgedChecker(Send, 8).Check(history);
        all.Validity.Should().Be(Validity.Invalid);
        all.Summary.Should().Be("6 of 8 acknowledged, 1 failed, 1 unknown, 0 without outcome");
    }

    [Fact]
    public void A_send_that_recorded_nothing_cannot_be_judged()
    {
        new AcknowledgedChecker([7], 1).Check(PrefillThenSend()).Validity.Should().Be(Validity.Unknown);
        new SendRateChecker([7], 1).Check(PrefillThenSend()).Validity.Should().Be(Validity.Unknown);
    }

    [Fact]
    public void The_interceptor_counts_unknown_outcomes_as_failures()
    {
        var history = PrefillThenSend();

        var exact = new ProducerCountChecker(Send, successes: 6, failures: 2).Check(history);
        exact.Validity.Should().Be(Validity.Valid);
        exact.Summary.Should().Be("success=6, failure=2, elapsed=2000 ms");
        new ProducerCountChecker(Send, successes: 8, failures: 0).Check(history).Validity.Should().Be(Validity.Invalid);
    }

    [Fact]
    public void The_send_rate_is_measured_over_the_send_window_not_over_the_prefill()
    {
        var history = PrefillThenSend();

        var at3 = new SendRateChecker(Send, 3).Check(history);
        at3.Validity.Should().Be(Validity.Valid);
        at3.Numbers["rate"].Should().BeApproximately(3, 1e-9);
        new SendRateChecker(Send, 3.5).Check(history).Validity.Should().Be(Validity.Invalid);
    }

    [Fact]
    public void Failed_sends_are_the_send_s_failed_and_unknown_outcomes()
    {
        var history = PrefillThenSend();

        var twoFailed = new DeliveryCountChecker(DeliveryCount.FailedSends, 2, Send).Check(history);
        twoFailed.Validity.Should().Be(Validity.Valid);
        twoFailed.Summary.Should().Be("2: 1 failed and 1 with an unknown outcome of 8 sent (6 acknowledged)");
        new DeliveryCountChecker(DeliveryCount.FailedSends, 0, Send).Check(history).Validity.Should().Be(Validity.Invalid);
        new DeliveryCountChecker(DeliveryCount.FailedSends, null, Send).Check(history).Numbers["count"].Should().Be(2);
    }
}
