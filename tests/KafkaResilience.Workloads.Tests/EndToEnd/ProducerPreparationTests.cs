using FluentAssertions;
using KafkaResilience.Cluster;
using KafkaResilience.Embedded;
using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.Producing;
using Xunit;

namespace KafkaResilience.Workloads.Tests.EndToEnd;

/// <summary>Producers are created, connected and know their topic before the clock starts; a send over many topics starts on one clock.</summary>
public sealed class ProducerPreparationTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_prepared_producer_sends_nothing_until_it_is_started()
    {
        // Given
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("ready", 3, 1)], UseFaultProxy = false }, ct);
        var ledger = new HistoryLedger();

        // When
        await using var producer = ProducerWorkload.Prepare(cluster, new ProducerWorkloadOptions { Topic = "ready", MessageCount = 3_000 }, ledger);

        // Then
        ledger.SentCount.Should().Be(0);
        producer.IsCompleted.Should().BeFalse();
        producer.Start(ledger.Now());
        await producer.WaitAsync(Budget, ct);
        ledger.OkCount.Should().Be(3_000);
        var act = () => producer.Start(ledger.Now());
        act.Should().Throw<InvalidOperationException>().WithMessage("*started once*");
    }

    [Fact]
    public async Task A_prepared_producer_disposed_without_a_start_sends_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("unused", 1, 1)], UseFaultProxy = false }, ct);
        var ledger = new HistoryLedger();
        var producer = ProducerWorkload.Prepare(cluster, new ProducerWorkloadOptions { Topic = "unused", MessageCount = 1_000 }, ledger);

        await producer.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30), ct);

        producer.IsCompleted.Should().BeTrue();
        ledger.SentCount.Should().Be(0);
    }

    [Fact]
    public async Task Producers_started_together_all_send_after_the_last_one_is_ready()
    {
        // Given: six topics, one paced producer each
        var ct = TestContext.Current.CancellationToken;
        var topics = Enumerable.Range(1, 6).Select(i => new TopicSpec($"together-{i}", 3, 1)).ToList();
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = topics }, ct);
        var ledger = new HistoryLedger();
        var options = topics.Select(t => new ProducerWorkloadOptions { Topic = t.Name, MessageCount = 2_000, RatePerSecond = 4_000, Name = t.Name }).ToList();

        // When
        var producers = ProducerWorkload.StartTogether(cluster, options, ledger);
        try
        {
            await Task.WhenAll(producers.Select(p => p.WaitAsync(Budget, ct)));
        }
        finally
        {
            foreach (var p in producers) await p.DisposeAsync();
        }
        var history = ledger.Snapshot();

        // Then: no stream sent before every producer was prepared, and each wrote its own topic
        var ready = history.Events.Should().ContainSingle(e => e.Description.Contains("prepared side by side", StringComparison.Ordinal)).Which;
        TestContext.Current.TestOutputHelper?.WriteLine(ready.Description);
        history.Producers.Should().HaveCount(6).And.OnlyContain(p => p.FirstSendAt >= ready.At);
        history.Producers.Select(p => p.Name).Should().Equal(topics.Select(t => $"{t.Name}-0.0"));
        history.TotalOk.Should().Be(12_000);
    }

    [Fact]
    public async Task A_topic_that_does_not_exist_stops_every_producer_before_any_sends_and_is_not_created()
    {
        // Given
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("present", 1, 1)], UseFaultProxy = false }, ct);
        var ledger = new HistoryLedger();
        var options = new[] { "present", "absent" }
            .Select(t => new ProducerWorkloadOptions { Topic = t, MessageCount = 100, Name = t, PrepareTimeout = TimeSpan.FromSeconds(2) }).ToList();

        // When
        var act = () => ProducerWorkload.StartTogether(cluster, options, ledger);

        // Then
        act.Should().Throw<TimeoutException>().WithMessage("Topic 'absent' did not show its partitions within 2s at *Create it before starting workloads.");
        ledger.SentCount.Should().Be(0);
        var probe = () => TopicProbe.PartitionCount(cluster.BootstrapServers, cluster.ClientSettings, "absent", TimeSpan.FromSeconds(1));
        probe.Should().Throw<TimeoutException>("a workload never creates a topic");
    }
}
