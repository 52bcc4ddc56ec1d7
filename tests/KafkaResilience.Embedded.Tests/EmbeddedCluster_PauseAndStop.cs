using System.Diagnostics;
using Confluent.Kafka;
using FluentAssertions;
using KafkaResilience.Cluster;
using Xunit;

namespace KafkaResilience.Embedded.Tests;

public sealed class EmbeddedCluster_PauseAndStop
{
    [Fact]
    public async Task A_pause_shorter_than_the_delay_holds_responses_and_moves_nothing()
    {
        // Given
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions
        {
            DetectionDelay = TimeSpan.FromSeconds(5),
            Topics = [new TopicSpec("q_1", 3, 3)],
        }, ct);
        TimeSpan held;
        using (var producer = Traffic.Producer(cluster.BootstrapServers, c => c.LingerMs = 0))
        {
            await producer.ProduceAsync(new TopicPartition("q_1", 1), new() { Key = 0, Value = Traffic.Payload }, ct);

            // When: 106 is paused for ~1 s while a send to its partition is in flight
            await cluster.PauseAsync(106, ct);
            var clock = Stopwatch.StartNew();
            var send = producer.ProduceAsync(new TopicPartition("q_1", 1), new() { Key = 1, Value = Traffic.Payload }, ct);
            (await Task.WhenAny(send, Task.Delay(TimeSpan.FromSeconds(1), ct))).Should().NotBeSameAs(send, "a paused broker answers nothing");
            await cluster.ResumeAsync(106, ct);
            var result = await send.WaitAsync(TimeSpan.FromSeconds(10), ct);
            held = clock.Elapsed;

            // Then
            result.Status.Should().Be(PersistenceStatus.Persisted, "the held response is sent on resume, like a SIGCONT");
        }
        held.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900), "the response waited for the resume (timers may fire a little early)");
        cluster.LeadershipChanges.Should().BeEmpty("a pause shorter than the detection delay moves nothing");
        (await cluster.DescribeTopicAsync("q_1", ct)).LeaderOf(1).Should().Be(106);
    }

    [Fact]
    public async Task A_consumer_reads_on_at_once_after_a_short_pause_not_after_its_request_timeout()
    {
        // Given: a consumer long-polling partition 0, with a request timeout far above a healthy resume
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions
        {
            DetectionDelay = TimeSpan.FromSeconds(5),
            Topics = [new TopicSpec("q_1", 3, 3)],
        }, ct);
        var leader = (await cluster.DescribeTopicAsync("q_1", ct)).LeaderOf(0)!.Value;
        var partition = new TopicPartition("q_1", 0);
        using var producer = Traffic.Producer(cluster.BootstrapServers, c => c.LingerMs = 0);
        using var consumer = new ConsumerBuilder<long, byte[]>(new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = "unused-assign-only",
            EnableAutoCommit = false,
            FetchWaitMaxMs = 100,
            SocketTimeoutMs = 10_000,
        }).SetKeyDeserializer(Traffic.LongSerializer.Instance).SetLogHandler((_, _) => { }).Build();
        consumer.Assign(new TopicPartitionOffset(partition, Offset.Beginning));
        await producer.ProduceAsync(partition, new() { Key = 0, Value = Traffic.Payload }, ct);
        Next(consumer, TimeSpan.FromSeconds(10)).Should().Be(0);

        // When: its leader is paused for a moment while it polls, and a record is written after the resume
        await cluster.PauseAsync(leader, ct);
        var paused = Stopwatch.StartNew();
        while (paused.Elapsed < TimeSpan.FromMilliseconds(500)) consumer.Consume(TimeSpan.FromMilliseconds(50));
        await cluster.ResumeAsync(leader, ct);
        await producer.ProduceAsync(partition, new() { Key = 1, Value = Traffic.Payload }, ct);
        Next(consumer, TimeSpan.FromSeconds(10)).Should().Be(1);
        await producer.ProduceAsync(partition, new() { Key = 2, Value = Traffic.Payload }, ct);
        var clock = Stopwatch.StartNew();
        var key = Next(consumer, TimeSpan.FromSeconds(15));
        var waited = clock.Elapsed;

        // Then: read as a resumed broker serves it; a fetch left unanswered would wait out socket.timeout.ms (10 s)
        key.Should().Be(2);
        waited.Should().BeLessThan(TimeSpan.FromSeconds(5), "a paused broker answers every request once it runs again");
    }

    private static long? Next(IConsumer<long, byte[]> consumer, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { IsPartitionEOF: false, Message: { } message }) return message.Key;
        }

        return null;
    }

    [Fact]
    public async Task A_pause_longer_than_the_delay_fails_the_broker_over()
    {
        // Given
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions
        {
            DetectionDelay = TimeSpan.FromMilliseconds(300),
            Topics = [new TopicSpec("q_1", 3, 3)],
        }, ct);

        // When
        await cluster.PauseAsync(105, ct);
        var clock = Stopwatch.StartNew();
        while ((await cluster.DescribeTopicAsync("q_1", ct)).LeaderOf(0) == 105 && clock.Elapsed < TimeSpan.FromSeconds(5))
            await Task.Delay(20, ct);
        await cluster.ResumeAsync(105, ct);

        // Then
        (await cluster.DescribeTopicAsync("q_1", ct)).LeaderOf(0).Should().Be(106, "partition 0 ([105,106,108]) fails over to 106");
        cluster.LeadershipChanges.Should().ContainSingle().Which.Cause.Should().Contain("paused");
    }

    [Fact]
    public async Task A_clean_stop_hands_leadership_over_before_the_broker_goes()
    {
        // Given
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions
        {
            DetectionDelay = TimeSpan.FromMinutes(1),
            Topics = [new TopicSpec("q_1", 3, 3)],
        }, ct);

        // When
        await cluster.StopAsync(108, ct);

        // Then: no detection delay for a controlled shutdown; clients are served by 105 at once
        (await cluster.DescribeTopicAsync("q_1", ct)).LeaderOf(2).Should().Be(105);
        using (var producer = Traffic.Producer(cluster.BootstrapServers, c => { c.LingerMs = 0; c.MessageTimeoutMs = 10_000; }))
            (await producer.ProduceAsync(new TopicPartition("q_1", 2), new() { Key = 1, Value = Traffic.Payload }, ct)).Status
                .Should().Be(PersistenceStatus.Persisted);
        await cluster.StartAsync(108, ct);
        (await cluster.DescribeTopicAsync("q_1", ct)).LeaderOf(2).Should().Be(105);
        await cluster.ElectPreferredLeadersAsync("q_1", ct);
        (await cluster.DescribeTopicAsync("q_1", ct)).LeaderOf(2).Should().Be(108, "a preferred-leader election moves it back");
    }
}
