using FluentAssertions;
using KafkaResilience.Reporting;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Chaos.Tests.Scenario;

/// <summary>The Then steps about a fault's aftermath (stalls, resumption, leaders, a broker's return), each passing and failing.</summary>
public sealed class ScenarioJudgeFaultTests
{
    // Topic "f": partition 0 led by 105, 1 by 106, 2 by 108 (the fake cluster's placement). Broker 106 is killed at 2 s;
    // partitions 0 and 2 keep acking every 0.5 s, partition 1 (106's) acks again at 5 s, 3 s after the kill.
    private static async Task<(LiteralScenario Scenario, ProducerRecorder Stream)> KillOf106()
    {
        var s = new LiteralScenario();
        await s.TopicAsync("f", 3);
        var stream = s.Send(20)[0];
        s.Ack(stream, 0, sentAt: 0.9, at: 1.0, partition: 1, offset: 0);
        await s.KillAsync(106, at: 2);
        for (var i = 1; i <= 6; i++) s.Ack(stream, i, sentAt: 1.5 + i * 0.5, at: 1.6 + i * 0.5, partition: i % 2 == 0 ? 0 : 2, offset: i);
        s.Ack(stream, 7, sentAt: 4.9, at: 5.0, partition: 1, offset: 1);
        return (s, stream);
    }

    [Fact]
    public async Task The_producer_stall_counts_the_partitions_the_killed_broker_led()
    {
        var (s, _) = await KillOf106();

        s.Step("Then the producer stalled for at most 3 seconds", () => s.Judge.ProducerStallAtMost(TimeSpan.FromSeconds(3)))
            .ShouldHavePassed("Then the producer stalled for at most 3 seconds");
        var failed = s.Step("Then the producer stalled for at most 2 seconds", () => s.Judge.ProducerStallAtMost(TimeSpan.FromSeconds(2)));
        failed.ShouldHaveFailedAs(VerdictCategory.ProducerStalled);
        failed.Verdict.Verdict.Numbers["judged-seconds"].Should().BeApproximately(3, 1e-9);
        failed.Verdict.Measured.Should().Contain("partition 1 acked again after 3.000 s");
    }

    [Fact]
    public async Task Consumers_resume_on_every_partition_within_the_bound_of_the_kill()
    {
        var (s, stream) = await KillOf106();
        var reader = s.Group("f-readers", 1)[0];
        s.Read(reader, stream, 2, at: 2.5, partition: 0, offset: 2).Read(reader, stream, 1, at: 2.5, partition: 2, offset: 1);
        s.Step("Then the consumers resumed within 20 seconds of the kill", () => s.Judge.ConsumersResumedWithin(TimeSpan.FromSeconds(20)))
            .ShouldHaveFailedAs(VerdictCategory.ConsumerStalled);

        s.Read(reader, stream, 7, at: 6, partition: 1, offset: 1);
        s.Step("Then the consumers resumed within 4 seconds of the kill", () => s.Judge.ConsumersResumedWithin(TimeSpan.FromSeconds(4)))
            .ShouldHavePassed("Then the consumers resumed within 4 seconds of the kill");
        s.Step("Then the consumers resumed within 3 seconds of the kill", () => s.Judge.ConsumersResumedWithin(TimeSpan.FromSeconds(3)))
            .ShouldHaveFailedAs(VerdictCategory.ConsumerStalled);
    }

    [Fact]
    public async Task Resuming_without_a_fault_cannot_be_judged()
    {
        var s = new LiteralScenario();
        await s.TopicAsync("f", 3);

        s.Step("Then the consumers resumed within 20 seconds of the kill", () => s.Judge.ConsumersResumedWithin(TimeSpan.FromSeconds(20)))
            .ShouldHaveFailedAs(VerdictCategory.VerdictUnknown, Workloads.Checkers.Validity.Unknown);
    }

    [Fact]
    public async Task New_leaders_are_judged_against_the_leaders_before_the_first_fault()
    {
        var (s, _) = await KillOf106();
        const string step = "Then every partition of \"f\" that broker 106 led has a new leader among brokers 105 and 108";

        (await s.StepAsync(step, () => s.Judge.NewLeadersAsync("f", 106, [105, 108]))).ShouldHaveFailedAs(VerdictCategory.ClusterNotRecovered);

        s.Fake.SetLeader("f", 1, 108);
        (await s.StepAsync(step, () => s.Judge.NewLeadersAsync("f", 106, [105, 108]))).ShouldHavePassed(step);
    }

    [Fact]
    public async Task A_restarted_broker_that_leads_again_fails_as_leadership_not_as_expected()
    {
        var (s, _) = await KillOf106();
        s.Fake.SetLeader("f", 1, 108);
        const string step = "Then no partition of \"f\" is led by broker 106";

        (await s.StepAsync(step, () => s.Judge.NotLedByAsync("f", 106))).ShouldHavePassed(step);

        s.Fake.SetLeader("f", 2, 106);
        (await s.StepAsync(step, () => s.Judge.NotLedByAsync("f", 106))).ShouldHaveFailedAs(VerdictCategory.LeadershipNotAsExpected);
    }

    [Fact]
    public async Task Any_leader_change_of_the_topic_fails_no_leader_changed()
    {
        var s = new LiteralScenario();
        await s.TopicAsync("f", 3);
        await s.TopicAsync("g", 3);
        const string step = "Then no partition of \"f\" changed leader";

        s.Fake.SetLeader("g", 0, 106);
        s.Step(step, () => s.Judge.NoLeaderChange("f")).ShouldHavePassed(step);

        s.Fake.SetLeader("f", 0, 106);
        s.Step(step, () => s.Judge.NoLeaderChange("f")).ShouldHaveFailedAs(VerdictCategory.LeadershipNotAsExpected);
    }

    [Fact]
    public async Task A_broker_back_in_the_metadata_within_the_bound_passes_and_one_still_down_fails()
    {
        var (s, _) = await KillOf106();
        const string step = "Then broker 106 is back in the cluster within 1 seconds";

        (await s.StepAsync(step, () => s.Judge.BrokerBackWithinAsync(106, TimeSpan.FromMilliseconds(100)))).ShouldHaveFailedAs(VerdictCategory.ClusterNotRecovered);

        await s.Nemesis.StartBrokerAgainAsync(106);
        (await s.StepAsync(step, () => s.Judge.BrokerBackWithinAsync(106, TimeSpan.FromSeconds(1)))).ShouldHavePassed(step);
    }

    [Fact]
    public async Task The_fault_is_marked_once_on_the_history_with_the_brokers_it_resolved_to()
    {
        var (s, _) = await KillOf106();

        var mark = s.History.Snapshot().Faults.Should().ContainSingle().Which;
        mark.Name.Should().Be("kill broker 106");
        mark.Brokers.Should().Equal(106);
        mark.InjectedAt.Should().Be(TimeSpan.FromSeconds(2));
        mark.FirstAckAfterOn(1).Should().Be(TimeSpan.FromSeconds(5));
    }
}
