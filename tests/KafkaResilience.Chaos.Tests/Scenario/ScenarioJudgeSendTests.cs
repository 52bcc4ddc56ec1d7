using FluentAssertions;
using KafkaResilience.Chaos.Scenario;
using KafkaResilience.Reporting;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Chaos.Tests.Scenario;

/// <summary>The Then steps about the current send, each on a literal history that passes and one that fails.</summary>
public sealed class ScenarioJudgeSendTests
{
    private const string AllAcked = "Then every message was acknowledged";

    [Fact]
    public void Every_message_acknowledged_passes_when_all_are_and_fails_on_one_unknown_outcome()
    {
        // Given a send of 3 whose messages were all acknowledged
        var s = new LiteralScenario();
        var stream = s.Send(3)[0];
        s.AckRange(stream, 0, 3, at: 1);

        // Then the step passes, and its verdict says so
        s.Step(AllAcked, s.Judge.AllAcknowledged).ShouldHavePassed(AllAcked);

        // Given a next send of 3 with one unknown outcome
        var next = s.Send(3)[0];
        s.AckRange(next, 0, 2, at: 2).Ack(next, 2, sentAt: 2, at: 3, SendOutcome.Unknown);

        // Then the step fails as sends not acknowledged, and its verdict says the same
        var failed = s.Step(AllAcked, s.Judge.AllAcknowledged);
        failed.ShouldHaveFailedAs(VerdictCategory.SendsNotAcknowledged);
        failed.Verdict.Measured.Should().Be("2 of 3 acknowledged, 0 failed, 1 unknown, 0 without outcome");
    }

    [Fact]
    public void The_producer_rate_is_judged_over_the_current_send_only()
    {
        // Given a prefill long before, then a send of 100 messages acknowledged over 2 s (50 msg/s)
        var s = new LiteralScenario();
        s.AckRange(s.Send(1000, prefill: true)[0], 0, 1000, at: 1);
        var stream = s.Send(100)[0];
        for (var i = 0; i < 100; i++) s.Ack(stream, i, sentAt: 10 + i * 0.02, at: 10 + (i + 1) * 0.02);

        s.Step("Then the producer sent at least 50 messages per second", () => s.Judge.ProducerRateAtLeast(50)).ShouldHavePassed("Then the producer sent at least 50 messages per second");
        var failed = s.Step("Then the producer sent at least 51 messages per second", () => s.Judge.ProducerRateAtLeast(51));
        failed.ShouldHaveFailedAs(VerdictCategory.ThroughputBelowFloor);
        failed.Verdict.Verdict.Numbers["rate"].Should().BeApproximately(50, 1e-6);
        failed.Verdict.Verdict.Numbers["floor"].Should().Be(51);
    }

    [Fact]
    public void A_latency_ceiling_fails_as_latency_above_ceiling_and_a_floor_as_latency_below_floor()
    {
        // Given acks taking 1 .. 100 ms
        var s = new LiteralScenario();
        var stream = s.Send(100)[0];
        for (var i = 0; i < 100; i++) s.Ack(stream, i, sentAt: 1, at: 1 + (i + 1) / 1000.0);

        s.Step("Then the producer's p99 latency was at most 120 ms", () => s.Judge.ProducerLatency(LatencyBound.AtMost(LatencyMeasure.P99, 120)))
            .ShouldHavePassed("Then the producer's p99 latency was at most 120 ms");
        s.Step("Then the producer's p99 latency was at most 50 ms", () => s.Judge.ProducerLatency(LatencyBound.AtMost(LatencyMeasure.P99, 50)))
            .ShouldHaveFailedAs(VerdictCategory.LatencyAboveCeiling);
        s.Step("Then the producer's p99 latency was at least 50 ms", () => s.Judge.ProducerLatency(LatencyBound.AtLeast(LatencyMeasure.P99, 50)))
            .ShouldHavePassed("Then the producer's p99 latency was at least 50 ms");
        s.Step("Then the producer's p99 latency was at least 150 ms", () => s.Judge.ProducerLatency(LatencyBound.AtLeast(LatencyMeasure.P99, 150)))
            .ShouldHaveFailedAs(VerdictCategory.LatencyBelowFloor);
    }

    [Fact]
    public void The_interceptor_counts_pass_when_exact_and_fail_as_not_acknowledged_on_a_failure()
    {
        var s = new LiteralScenario();
        var stream = s.Send(3)[0];
        s.AckRange(stream, 0, 2, at: 1).Ack(stream, 2, sentAt: 1, at: 2, SendOutcome.Failed);

        s.Step("Then the producer counted 2 successes and 1 failures", () => s.Judge.ProducerCounted(2, 1))
            .ShouldHavePassed("Then the producer counted 2 successes and 1 failures");
        s.Step("Then the producer counted 3 successes and 0 failures", () => s.Judge.ProducerCounted(3, 0))
            .ShouldHaveFailedAs(VerdictCategory.SendsNotAcknowledged);
        s.Step("Then the producer counted 1 successes and 2 failures", () => s.Judge.ProducerCounted(1, 2))
            .ShouldHaveFailedAs(VerdictCategory.CountNotAsExpected);
    }

    [Fact]
    public void Failed_sends_are_counted_on_the_current_send()
    {
        var s = new LiteralScenario();
        var stream = s.Send(3)[0];
        s.AckRange(stream, 0, 2, at: 1).Ack(stream, 2, sentAt: 1, at: 2, SendOutcome.Failed);

        s.Step("Then the number of failed sends is 1", () => s.Judge.Count(DeliveryCount.FailedSends, new(1))).ShouldHavePassed("Then the number of failed sends is 1");
        s.Step("Then the number of failed sends is reported", () => s.Judge.Count(DeliveryCount.FailedSends, CountExpectation.Reported))
            .ShouldHavePassed("Then the number of failed sends is reported");
        s.Step("Then the number of failed sends is 0", () => s.Judge.Count(DeliveryCount.FailedSends, new(0)))
            .ShouldHaveFailedAs(VerdictCategory.SendsNotAcknowledged);
    }

    [Fact]
    public void A_step_about_a_send_before_any_send_says_what_to_write_first()
    {
        var s = new LiteralScenario();

        var act = () => s.Judge.AllAcknowledged();

        act.Should().Throw<InvalidOperationException>().WithMessage("Nothing was sent in this scenario*When a producer sends*");
        s.Judge.Verdicts.Should().BeEmpty();
    }
}
