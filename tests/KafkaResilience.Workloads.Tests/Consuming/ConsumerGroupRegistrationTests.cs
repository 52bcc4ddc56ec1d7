using FluentAssertions;
using KafkaResilience.Cluster;
using KafkaResilience.Embedded;
using KafkaResilience.Workloads.Consuming;
using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.Producing;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Consuming;

/// <summary>
/// Consumers started against a cluster make their group known to it first, so the embedded controller
/// emulation moves the group's coordinator off a killed broker instead of leaving the group stuck.
/// </summary>
public sealed class ConsumerGroupRegistrationTests
{
    [Fact]
    public async Task A_group_whose_coordinator_is_killed_before_it_joins_still_reads_everything()
    {
        // Given
        var ct = TestContext.Current.CancellationToken;
        await using var embedded = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("reg", 3, 3)], DetectionDelay = TimeSpan.FromMilliseconds(500) }, ct);
        var cluster = new RecordingCluster(embedded);
        var ledger = new HistoryLedger();
        await using (var producer = ProducerWorkload.Start(cluster, new ProducerWorkloadOptions { Topic = "reg", MessageCount = 3_000 }, ledger))
        {
            await producer.WaitAsync(TimeSpan.FromSeconds(30), ct);
        }

        // When: the consumers start, and the coordinator of their group dies at once.
        await using var consumers = ConsumerWorkload.Start(cluster, new ConsumerWorkloadOptions { Topic = "reg", Consumers = 1, GroupId = "reg-readers" }, ledger);
        var coordinator = await embedded.GroupCoordinatorAsync("reg-readers", ct);
        await embedded.KillAsync(coordinator, ct);
        var caughtUp = await consumers.WaitUntilCaughtUpAsync(() => true, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), ct);

        // Then
        cluster.CoordinatorQueries.Should().Equal("reg-readers");
        caughtUp.CaughtUp.Should().BeTrue(caughtUp.ToString());
        embedded.LeadershipChanges.Should().Contain(c => c.IsCoordinatorChange && c.Topic == "reg-readers" && c.From == coordinator);
    }
}
