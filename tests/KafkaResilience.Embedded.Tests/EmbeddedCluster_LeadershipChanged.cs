using FluentAssertions;
using KafkaResilience.Cluster;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace KafkaResilience.Embedded.Tests;

public sealed class EmbeddedCluster_LeadershipChanged
{
    [Fact]
    public async Task A_kill_that_moves_leaders_raises_the_same_changes_the_list_holds()
    {
        // Given broker 106 leads partition 1 of q_1 and failover is immediate
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions
        {
            Topics = [new TopicSpec("q_1", 3, 3)],
            DetectionDelay = TimeSpan.Zero,
            UseFaultProxy = false,
        }, ct);
        var heard = new List<LeadershipChange>();
        cluster.LeadershipChanged += change => { lock (heard) heard.Add(change); };

        // When 106 is killed, started again, and the preferred leaders are elected
        await cluster.KillAsync(106, ct);
        var afterKill = Heard(heard);
        await cluster.StartAsync(106, ct);
        await cluster.ElectPreferredLeadersAsync("q_1", ct);

        // Then every change was raised as it was made, once, in the list's order
        afterKill.Should().ContainSingle(c => c.Partition == 1 && c.From == 106 && c.To == 108);
        afterKill.Should().Equal(cluster.LeadershipChanges.Take(afterKill.Count));
        Heard(heard).Should().Equal(cluster.LeadershipChanges);
        Heard(heard).Should().Contain(c => c.Partition == 1 && c.From == 108 && c.To == 106 && c.Cause == "preferred leader election");
    }

    [Fact]
    public async Task A_fence_after_the_detection_delay_is_raised_when_the_delay_runs_out()
    {
        // Given a detection delay on a clock the test moves
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions
        {
            Topics = [new TopicSpec("q_1", 3, 3)],
            DetectionDelay = TimeSpan.FromSeconds(3),
            TimeProvider = clock,
            UseFaultProxy = false,
        }, ct);
        var heard = new List<LeadershipChange>();
        cluster.LeadershipChanged += change => { lock (heard) heard.Add(change); };
        await cluster.KillAsync(106, ct);
        var beforeTheDelay = Heard(heard);

        // When
        clock.Advance(TimeSpan.FromSeconds(3));

        // Then
        beforeTheDelay.Should().BeEmpty("nothing moves before the broker's session times out");
        cluster.LeadershipChanges.Should().ContainSingle(c => c.Partition == 1 && c.From == 106);
        Heard(heard).Should().Equal(cluster.LeadershipChanges);
    }

    [Fact]
    public async Task A_listener_may_call_into_the_cluster_from_another_thread_and_one_that_throws_breaks_nothing()
    {
        // Given one listener that asks the cluster from another thread while it is told (it could not under the cluster's lock)
        // and one that throws
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions
        {
            Topics = [new TopicSpec("q_1", 3, 3)],
            DetectionDelay = TimeSpan.Zero,
            UseFaultProxy = false,
        }, ct);
        var answered = new List<bool>();
        cluster.LeadershipChanged += _ => answered.Add(Task.Run(() => cluster.DescribeBrokersAsync(ct), ct).Wait(TimeSpan.FromSeconds(5), ct));
        cluster.LeadershipChanged += _ => throw new InvalidOperationException("a broken history");

        // When
        var kill = () => cluster.KillAsync(106, ct);

        // Then
        await kill.Should().NotThrowAsync();
        cluster.ConditionOf(106).Should().Be(BrokerCondition.Killed);
        cluster.LeadershipChanges.Should().NotBeEmpty();
        answered.Should().HaveCount(cluster.LeadershipChanges.Count).And.OnlyContain(a => a);
    }

    private static List<LeadershipChange> Heard(List<LeadershipChange> heard)
    {
        lock (heard) return [.. heard];
    }
}
