using System.Diagnostics;
using Confluent.Kafka;
using FluentAssertions;
using KafkaResilience.Cluster;
using Xunit;

namespace KafkaResilience.Embedded.Tests;

public sealed class EmbeddedCluster_LeaderKill
{
    private static readonly TimeSpan DetectionDelay = TimeSpan.FromSeconds(2);

    /// <summary>Allowed lateness of the failover past the delay (timer resolution and a loaded CI machine).</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Killing_the_leader_mid_send_moves_leadership_within_the_delay_and_loses_nothing_acknowledged()
    {
        // Given: seed experiment 1.4 in small, q_1 with 3 partitions and RF 3; 106 leads partition 1.
        const int count = 30_000;
        var ct = TestContext.Current.CancellationToken;
        var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions
        {
            DetectionDelay = DetectionDelay,
            Topics = [new TopicSpec("q_1", 3, 3)],
        }, ct);
        var ports = ResourceLeaks.PortsOf(cluster);
        var deliveries = new Traffic.Deliveries();
        HashSet<long> consumed;
        TimeSpan killedAt, movedAt;
        int? leaderAfterMove, leaderAfterRestart, leaderSeenByClients;
        IReadOnlyList<LeadershipChange> changes;

        await using (cluster)
        {
            (await cluster.DescribeTopicAsync("q_1", ct)).LeaderOf(1).Should().Be(106);
            var clock = Stopwatch.StartNew();

            // When: 106 is killed a third of the way through a paced send
            using (var producer = Traffic.Producer(cluster.BootstrapServers))
            {
                killedAt = TimeSpan.Zero;
                for (long i = 0; i < count; i++)
                {
                    producer.Produce("q_1", new() { Key = i, Value = Traffic.Payload }, deliveries.Record);
                    if (i % 1_000 == 999) producer.Poll(TimeSpan.FromMilliseconds(50)); // ~20k msg/s at most
                    if (i == count / 3)
                    {
                        await cluster.KillAsync(106, ct);
                        killedAt = clock.Elapsed;
                    }
                }
                movedAt = await WaitForLeaderChangeAsync(cluster, clock, DetectionDelay + Margin + TimeSpan.FromSeconds(2), ct);
                leaderAfterMove = (await cluster.DescribeTopicAsync("q_1", ct)).LeaderOf(1);
                producer.Flush(TimeSpan.FromSeconds(40)).Should().Be(0, "the producer resumes on the new leader and drains its queue");
            }

            await cluster.StartAsync(106, ct);
            leaderSeenByClients = LeaderInMetadata(cluster.BootstrapServers, "q_1", 1, mustList: 106);
            leaderAfterRestart = (await cluster.DescribeTopicAsync("q_1", ct)).LeaderOf(1);
            changes = cluster.LeadershipChanges;
            consumed = Traffic.ConsumeAll(cluster.BootstrapServers, "q_1", 3, deliveries.Acked.Count, TimeSpan.FromSeconds(30));
        }

        // Then
        var failover = movedAt - killedAt;
        failover.Should().BeGreaterThanOrEqualTo(DetectionDelay - TimeSpan.FromMilliseconds(50), "the controller waits out the session timeout");
        failover.Should().BeLessThan(DetectionDelay + Margin);
        leaderAfterMove.Should().Be(108, "the next live replica of partition 1 ([106,108,105]) leads");
        leaderAfterRestart.Should().Be(108, "a restarted broker does not take leadership back");
        leaderSeenByClients.Should().Be(108);
        changes.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Topic = "q_1", Partition = 1, From = 106, To = 108 });
        deliveries.Done.Should().Be(count);
        deliveries.Acked.Keys.Except(consumed).Should().BeEmpty("nothing acknowledged may be lost");
        deliveries.Failed.Should().BeEmpty("with a 30 s message timeout every send survives a 2 s failover");
        await ResourceLeaks.AssertNoneLeftAsync(ports);
    }

    private static async Task<TimeSpan> WaitForLeaderChangeAsync(EmbeddedCluster cluster, Stopwatch clock, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = clock.Elapsed + timeout;
        while (clock.Elapsed < deadline)
        {
            if ((await cluster.DescribeTopicAsync("q_1", ct)).LeaderOf(1) != 106) return clock.Elapsed;
            await Task.Delay(20, ct);
        }
        throw new TimeoutException($"Leadership of q_1-1 did not leave broker 106 within {timeout.TotalSeconds} s.");
    }

    private static int? LeaderInMetadata(string bootstrap, string topic, int partition, int mustList)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(5));
            if (metadata.Brokers.Any(b => b.BrokerId == mustList) || DateTime.UtcNow > deadline)
                return metadata.Topics.Single().Partitions.Single(p => p.PartitionId == partition).Leader;
            Thread.Sleep(100); // poll interval of a bounded, deadline-checked wait for the restarted broker to be listed
        }
        throw new TimeoutException($"Metadata never listed broker {mustList} again within 10 s.");
    }
}
