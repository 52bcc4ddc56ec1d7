using FluentAssertions;
using KafkaResilience.Chaos.Faults;
using KafkaResilience.Chaos.Scenario;
using KafkaResilience.Chaos.Targets;
using KafkaResilience.Cluster.Waiting;
using KafkaResilience.Reporting;
using KafkaResilience.Reporting.ClusterView;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History.Observations;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Chaos.Tests.Scenario;

/// <summary>
/// What a product owner sees beside the steps: each judged step's bound and measured value (with the unread
/// messages by cause), and the cluster snapshotted before a fault, once it took effect and after its heal.
/// </summary>
public sealed class ScenarioShownTests
{
    [Fact]
    public void A_judged_step_shows_its_bound_and_measured_value_whether_it_passed_or_failed()
    {
        // Given: 3 messages acknowledged, 2 read
        var s = new LiteralScenario();
        var stream = s.Send(3)[0];
        s.AckRange(stream, 0, 3, at: 1);
        var reader = s.Group("g", 1)[0];
        s.ReadRange(reader, stream, 0, 2, at: 2);

        // When
        s.Step("Then every message was acknowledged", s.Judge.AllAcknowledged).ShouldHavePassed("Then every message was acknowledged");
        s.Step("Then no acknowledged message is lost", s.Judge.NothingLost).ShouldHaveFailedAs(VerdictCategory.MessagesLost);

        // Then
        var shown = s.Scope.Reported;
        shown.Where(r => r.Step == "Then every message was acknowledged").Select(r => (r.Name, r.Value)).Should().Equal(
            ("expected", "all 3 acknowledged"), ("measured", "3 of 3 acknowledged, 0 failed, 0 unknown, 0 without outcome"));
        var lost = shown.Where(r => r.Step == "Then no acknowledged message is lost").ToDictionary(r => r.Name, r => r.Value);
        lost.Keys.Should().Equal("expected", "measured", "by cause");
        lost["expected"].Should().Be("none lost");
        lost["measured"].Should().StartWith("3 acked, 2 read, 1 lost (1 never reached by a consumer)");
        lost["by cause"].Should().Be("1 lost: never reached by a consumer");
        s.Judge.Verdicts[^1].Causes.Should().Equal(new Dictionary<string, long> { ["lost: never reached by a consumer"] = 1 });
    }

    [Fact]
    public void A_late_group_that_found_the_oldest_messages_dropped_names_them_retention_on_the_step_and_in_the_verdict()
    {
        // Given: 100 messages written before the group joined; it started at the log start, offset 60, and read from there
        var s = new LiteralScenario();
        var prefill = s.Send(100, prefill: true)[0];
        s.AckRange(prefill, 0, 100, at: 1);
        var reader = s.Group("late", 1)[0];
        reader.OffsetReset(0, 0, 60, OffsetResetKind.ToLogStart, "started reading at the log-start offset", s.Clock.At(2));
        for (var seq = 60; seq < 100; seq++) s.Read(reader, prefill, seq, at: 2, offset: seq);

        // When
        var dropped = s.Step("Then the messages group \"late\" could not read were dropped by the target's retention", () => s.Judge.DroppedByRetention("late"));
        var before = s.Step("Then group \"late\" read 100 of the messages written before it joined", () => s.Judge.ReadBefore("late", 100));

        // Then
        dropped.ShouldHavePassed("Then the messages group \"late\" could not read were dropped by the target's retention");
        dropped.Verdict.Causes.Should().Equal(new Dictionary<string, long> { ["below the log-start offset (retention)"] = 60 });
        s.Scope.Reported.Should().Contain(("Then the messages group \"late\" could not read were dropped by the target's retention", "by cause", "60 below the log-start offset (retention)"));
        before.ShouldHaveFailedAs(VerdictCategory.VerdictUnknown, Workloads.Checkers.Validity.Unknown);
        before.Verdict.Measured.Should().Contain("read 40 of the 100 messages written before it joined").And.Contain("60 below the log-start offset when it got there");
        before.Failure!.Message.Should().Contain("by cause: 60 below the log-start offset (retention)");
    }

    [Fact]
    public void A_sweep_row_shows_this_run_s_measurement_of_each_column_beside_the_seed_s()
    {
        // Given: 101 messages acknowledged from the first send at 1 s to the last acknowledgement at 2 s: 101 msg/s, as
        // kafka-producer-perf-test counts (records over the send window)
        var start = new DateTimeOffset(2001, 2, 3, 4, 5, Random.Shared.Next(0, 60), TimeSpan.Zero);
        var s = new LiteralScenario(start);
        var stream = s.Send(101)[0];
        for (var seq = 0; seq <= 100; seq++) s.Ack(stream, seq, sentAt: 1 + seq / 100.0, at: 1 + seq / 100.0, offset: seq);
        var report = new ScenarioReport(s.Cluster, s.History, s.Producers, s.Consumers, s.Judge, s.Scope);
        const string step = "Then the sweep table \"Effect of the number of topics\" gets this row, the seed's values beside the measured ones:";
        s.Scope.TestStep = step;
        var folder = Path.Combine(KafkaResilience.Reporting.RepositoryRoot.Find(AppContext.BaseDirectory) ?? Path.GetTempPath(), "TestResults", "sweeps", $"run-{start:yyyyMMdd-HHmmss}");
        try
        {
            // When
            report.AddSweepRow("Effect of the number of topics", ["topics", "producer TPS", "consumer TPS"], ["3", "999800", "2806700"]);

            // Then
            s.Scope.Reported.Where(r => r.Step == step).Select(r => (r.Name, r.Value)).Should().Equal(
                ("producer TPS", "measured 101 (seed 999,800)"), ("consumer TPS", "measured - (seed 2,806,700)"));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_fault_is_shown_before_it_once_it_took_effect_and_after_its_heal_with_its_step_s_timing()
    {
        // Given: topic "f" led by 105, 106, 108
        var s = new LiteralScenario();
        await s.TopicAsync("f", 3);

        // When: 106 is killed, its partition moves to 108 (as a controller would), and 106 is started again
        s.Scope.TestStep = "When broker 106 is killed";
        await s.KillAsync(106, at: 2);
        s.Fake.SetLeader("f", 1, 108);
        await ConditionWait.UntilAsync(_ => Task.FromResult(s.Nemesis.SnapshotsSoFar.Count >= 2), TimeSpan.FromSeconds(10),
            () => "the in-effect snapshot was not taken within 10 s of the leader move", TestContext.Current.CancellationToken, TimeSpan.FromMilliseconds(20));
        s.Clock.Set(3);
        s.Scope.TestStep = "When broker 106 is started again";
        await s.Nemesis.StartBrokerAgainAsync(106);
        await s.Nemesis.EndAsync();
        var snapshots = s.History.Snapshot().ClusterSnapshots;

        // Then
        snapshots.Select(x => x.Moment).Should().Equal(SnapshotMoment.BeforeFault, SnapshotMoment.InEffect, SnapshotMoment.AfterHeal);
        snapshots.Should().OnlyContain(x => x.Fault == "kill broker 106" && x.Error == null);
        var (before, inEffect, after) = (snapshots[0], snapshots[1], snapshots[2]);
        before.Brokers.Single(b => b.Id == 106).State.Should().Be("up");
        before.Partitions.Single(p => p.Partition == 1).Leader.Should().Be(106);
        inEffect.Detail.Should().StartWith("the leaders settled");
        inEffect.Brokers.Single(b => b.Id == 106).State.Should().Be("down");
        inEffect.Partitions.Single(p => p.Partition == 1).Leader.Should().Be(108);
        inEffect.ChangesSince.Should().ContainSingle().Which.Should().Contain("leader of f-1: broker 106 -> broker 108");
        after.Brokers.Single(b => b.Id == 106).State.Should().Be("up");
        after.Partitions.Single(p => p.Partition == 1).Leader.Should().Be(108, "a restarted broker does not take its leadership back");
        ClusterSnapshotView.RowChanges(before, inEffect).Keys.Should().BeEquivalentTo("broker 106", "f-1");
        ClusterSnapshotView.RowChanges(inEffect, after).Keys.Should().BeEquivalentTo("broker 106");
        before.Seconds.Should().Be(2);
        s.Scope.Reported.Where(r => r.Step == "When broker 106 is killed").Select(r => r.Name).Should().Equal("injected", "acknowledged when injected", "cluster snapshot before it");
        s.Scope.Reported.Should().Contain(("When broker 106 is killed", "injected", "+2.000 s (broker 106)"));
        s.Scope.Reported.Should().Contain(("When broker 106 is started again", "healed", "+3.000 s"));
    }

    [Fact]
    public async Task A_fault_healed_before_it_took_effect_is_shown_in_effect_just_before_its_heal()
    {
        var s = new LiteralScenario();
        await s.TopicAsync("f", 3);

        s.Scope.TestStep = "When broker 106 is killed";
        await s.KillAsync(106, at: 2);
        s.Scope.TestStep = "When broker 106 is started again";
        await s.Nemesis.StartBrokerAgainAsync(106);
        await s.Nemesis.EndAsync();
        var snapshots = s.History.Snapshot().ClusterSnapshots;

        snapshots.Select(x => (x.Moment, x.Detail)).Should().Equal(
            (SnapshotMoment.BeforeFault, null), (SnapshotMoment.InEffect, "just before its heal"), (SnapshotMoment.AfterHeal, null));
        snapshots[1].Brokers.Single(b => b.Id == 106).State.Should().Be("down");
        snapshots[1].Partitions.Single(p => p.Partition == 1).Leader.Should().Be(106, "nothing moved it yet");
    }
}
