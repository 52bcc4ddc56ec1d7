using System.Text.RegularExpressions;
using FluentAssertions;
using KafkaResilience.Reporting.ClusterView;
using KafkaResilience.Workloads.History.Observations;
using Xunit;

namespace KafkaResilience.Reporting.Tests.ClusterView;

public sealed class ClusterSnapshotViewTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static ClusterSnapshot Snapshot(SnapshotMoment moment, double seconds, string state106, string? note106, int? leaderOf1, int[] isrOf1, params string[] changes) =>
        new("kill broker 106", moment, null, T0.AddSeconds(seconds), seconds, 0.25,
            [new SnapshotBroker(105, "up", null), new SnapshotBroker(106, state106, note106), new SnapshotBroker(108, "up", null)],
            [new SnapshotPartition("q_1", 0, 105, [105, 106, 108], [105, 106, 108]), new SnapshotPartition("q_1", 1, leaderOf1, [106, 108, 105], isrOf1)],
            changes);

    private static readonly ClusterSnapshot Before = Snapshot(SnapshotMoment.BeforeFault, 3, "up", null, 106, [106, 108, 105]);
    private static readonly ClusterSnapshot InEffect = Snapshot(SnapshotMoment.InEffect, 5.4, "down", "killed, fenced by the controller emulation", 108, [108, 105],
        "+5.012 s leader of q_1-1: broker 106 -> broker 108 (broker 106 killed)");
    private static readonly ClusterSnapshot AfterHeal = Snapshot(SnapshotMoment.AfterHeal, 6.1, "up", null, 108, [106, 108, 105]);

    [Fact]
    public void Only_the_rows_that_differ_from_the_snapshot_before_are_changed_and_each_says_how()
    {
        ClusterSnapshotView.RowChanges(null, Before).Should().BeEmpty("the first snapshot has nothing to differ from");
        ClusterSnapshotView.RowChanges(Before, InEffect).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["broker 106"] = "up → down (killed, fenced by the controller emulation)",
            ["q_1-1"] = "leader 106 → 108, ISR 106,108,105 → 108,105",
        });
        ClusterSnapshotView.RowChanges(InEffect, AfterHeal).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["broker 106"] = "down (killed, fenced by the controller emulation) → up",
            ["q_1-1"] = "ISR 108,105 → 106,108,105",
        }, "the leader stays where it moved");
    }

    [Fact]
    public void The_page_shows_each_snapshot_with_its_changed_rows_marked_and_where_the_isr_comes_from()
    {
        var html = ClusterSnapshotView.Html([Before, InEffect, AfterHeal], "embedded (mock)", "the embedded mock does not replicate");

        Regex.Matches(html, "<h4>").Count.Should().Be(3);
        html.Should().Contain("1. before kill broker 106").And.Contain("2. kill broker 106: in effect").And.Contain("3. after the heal of kill broker 106");
        html.Should().Contain("ISR: the embedded mock does not replicate.");
        html.Should().Contain("+5.400 s; taken in 0.25 ms");
        Regex.Matches(html, "<tr class=\"changed\">").Count.Should().Be(4, "two rows changed into the fault, two out of it");
        html.Should().Contain("<tr class=\"changed\"><td>q_1-1</td><td>108</td><td>106,108,105</td><td>108,105</td><td>leader 106 → 108, ISR 106,108,105 → 108,105</td></tr>");
        html.Should().Contain("<tr><td>q_1-0</td><td>105</td>", "an unchanged row is not marked");
        html.Should().Contain("+5.012 s leader of q_1-1: broker 106 -&gt; broker 108 (broker 106 killed)");
    }

    [Fact]
    public void Text_from_the_cluster_is_escaped_and_a_snapshot_that_failed_says_why()
    {
        var failed = Before with { Moment = SnapshotMoment.InEffect, Brokers = [], Partitions = [], Error = "TimeoutException: <no answer>" };

        var html = ClusterSnapshotView.Html([Before with { Fault = "kill <b>" }, failed], "t & u", null);

        html.Should().Contain("kill &lt;b&gt;").And.Contain("target: t &amp; u").And.Contain("ISR: as the cluster reports it.");
        html.Should().Contain("could not be taken: TimeoutException: &lt;no answer&gt;");
        ClusterSnapshotView.RowChanges(Before, failed).Should().BeEmpty();
    }
}
