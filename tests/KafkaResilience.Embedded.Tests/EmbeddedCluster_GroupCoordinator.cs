using System.Diagnostics;
using Confluent.Kafka;
using FluentAssertions;
using KafkaResilience.Cluster;
using Xunit;

namespace KafkaResilience.Embedded.Tests;

public sealed class EmbeddedCluster_GroupCoordinator
{
    [Fact]
    public async Task A_group_keeps_committing_after_its_coordinator_is_killed()
    {
        // Given: a consumer group that has joined and committed; its coordinator is known to the controller
        var ct = TestContext.Current.CancellationToken;
        var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions
        {
            DetectionDelay = TimeSpan.FromMilliseconds(500),
            Topics = [new TopicSpec("q_1", 3, 3)],
        }, ct);
        var ports = ResourceLeaks.PortsOf(cluster);
        int coordinator, coordinatorAfter;
        IReadOnlyList<LeadershipChange> changes;
        await using (cluster)
        {
            coordinator = await cluster.GroupCoordinatorAsync("readers", ct);
            using (var producer = Traffic.Producer(cluster.BootstrapServers))
            {
                for (var i = 0; i < 300; i++) producer.Produce("q_1", new() { Key = i, Value = Traffic.Payload });
                producer.Flush(TimeSpan.FromSeconds(10)).Should().Be(0);
            }
            using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
            {
                BootstrapServers = cluster.BootstrapServers,
                GroupId = "readers",
                AutoOffsetReset = AutoOffsetReset.Earliest,
                EnableAutoCommit = false,
                FetchWaitMaxMs = 50,
            }).SetLogHandler((_, _) => { }).Build();
            consumer.Subscribe("q_1");
            var first = ConsumeOne(consumer, TimeSpan.FromSeconds(15));
            consumer.Commit(first);

            // When
            await cluster.KillAsync(coordinator, ct);
            coordinatorAfter = await cluster.GroupCoordinatorAsync("readers", ct);
            var clock = Stopwatch.StartNew();
            for (var attempt = 0; attempt < 200 && coordinatorAfter == coordinator && clock.Elapsed < TimeSpan.FromSeconds(5); attempt++)
            {
                await Task.Delay(20, ct);
                coordinatorAfter = await cluster.GroupCoordinatorAsync("readers", ct);
            }

            // Then: a commit goes through the new coordinator
            var committed = CommitWithin(consumer, TimeSpan.FromSeconds(20));
            committed.Should().BeTrue("the group coordinator moved to a live broker");
            changes = cluster.LeadershipChanges;
            consumer.Close();
        }
        coordinatorAfter.Should().NotBe(coordinator);
        changes.Should().Contain(c => c.IsCoordinatorChange && c.Topic == "readers" && c.From == coordinator && c.To == coordinatorAfter);
        await ResourceLeaks.AssertNoneLeftAsync(ports);
    }

    private static ConsumeResult<byte[], byte[]> ConsumeOne(IConsumer<byte[], byte[]> consumer, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        for (var attempt = 0; attempt < 1_000 && clock.Elapsed < timeout; attempt++)
        {
            var record = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (record is { Message: not null }) return record;
        }
        throw new TimeoutException($"The consumer read nothing within {timeout.TotalSeconds} s.");
    }

    /// <summary>Consumes and commits until a commit succeeds (retrying NOT_COORDINATOR-like errors while clients rediscover), or the timeout passes.</summary>
    private static bool CommitWithin(IConsumer<byte[], byte[]> consumer, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        for (var attempt = 0; attempt < 200 && clock.Elapsed < timeout; attempt++)
        {
            var record = consumer.Consume(TimeSpan.FromMilliseconds(100));
            try
            {
                if (record is { Message: not null }) consumer.Commit(record);
                else consumer.Commit();
                return true;
            }
            catch (KafkaException)
            {
                // coordinator or leaders still moving: consume and try again
            }
        }
        return false;
    }
}
