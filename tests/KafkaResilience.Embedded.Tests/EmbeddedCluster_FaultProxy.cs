using System.Diagnostics;
using Confluent.Kafka;
using FluentAssertions;
using KafkaResilience.Cluster;
using KafkaResilience.Cluster.Toxiproxy;
using Xunit;

namespace KafkaResilience.Embedded.Tests;

public sealed class EmbeddedCluster_FaultProxy
{
    /// <summary>Long enough that no failover happens while a test looks at a cut-off broker.</summary>
    private static readonly TimeSpan NoFailover = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Disabling_a_brokers_proxy_cuts_its_clients_off_and_enabling_it_lets_them_back()
    {
        // Given
        var ct = TestContext.Current.CancellationToken;
        var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions
        {
            DetectionDelay = NoFailover,
            Topics = [new TopicSpec("q_1", 3, 3)],
        }, ct);
        var ports = ResourceLeaks.PortsOf(cluster);
        DeliveryResult<long, byte[]>? beforeCut, otherBroker, afterHeal;
        Exception? cutOff;

        await using (cluster)
        using (var toxiproxy = new ToxiproxyClient(cluster.ToxiproxyApi!))
        {
            using var producer = Traffic.Producer(cluster.BootstrapServers, c => { c.MessageTimeoutMs = 2_000; c.LingerMs = 0; });
            beforeCut = await producer.ProduceAsync(new TopicPartition("q_1", 1), new() { Key = 1, Value = Traffic.Payload }, ct);

            // When: the proxy of 106 (leader of partition 1) is disabled through the Toxiproxy API
            await toxiproxy.SetEnabledAsync(cluster.ProxyNameOf(106), false, ct);
            cutOff = await Record.ExceptionAsync(() => producer.ProduceAsync(new TopicPartition("q_1", 1), new() { Key = 2, Value = Traffic.Payload }, ct));
            otherBroker = await producer.ProduceAsync(new TopicPartition("q_1", 0), new() { Key = 3, Value = Traffic.Payload }, ct);
            await toxiproxy.SetEnabledAsync(cluster.ProxyNameOf(106), true, ct);
            afterHeal = await ProduceWithinAsync(producer, new TopicPartition("q_1", 1), TimeSpan.FromSeconds(15), ct);
        }

        // Then
        beforeCut.Status.Should().Be(PersistenceStatus.Persisted);
        cutOff.Should().BeOfType<ProduceException<long, byte[]>>()
            .Which.Error.Code.Should().Be(ErrorCode.Local_MsgTimedOut, "no request reaches broker 106 while its proxy is disabled");
        otherBroker.Status.Should().Be(PersistenceStatus.Persisted, "brokers behind enabled proxies are not affected");
        afterHeal!.Status.Should().Be(PersistenceStatus.Persisted);
        await ResourceLeaks.AssertNoneLeftAsync(ports);
    }

    [Fact]
    public async Task A_100_ms_latency_toxic_raises_measured_produce_latency_by_at_least_100_ms()
    {
        // Given
        var ct = TestContext.Current.CancellationToken;
        var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("q_1", 3, 3)] }, ct);
        var ports = ResourceLeaks.PortsOf(cluster);
        TimeSpan baseline, poisoned;

        await using (cluster)
        using (var toxiproxy = new ToxiproxyClient(cluster.ToxiproxyApi!))
        {
            using var producer = Traffic.Producer(cluster.BootstrapServers, c => c.LingerMs = 0);
            await MedianProduceLatencyAsync(producer, 5, ct); // warm up: connections, metadata
            baseline = await MedianProduceLatencyAsync(producer, 20, ct);

            // When: every response from broker 106 (leader of partition 1) is delayed by 100 ms
            await toxiproxy.AddToxicAsync(cluster.ProxyNameOf(106), ToxicSpec.Latency("slow", 100), ct);
            poisoned = await MedianProduceLatencyAsync(producer, 20, ct);
            await toxiproxy.ResetAsync(ct);
        }

        // Then
        (poisoned - baseline).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(100),
            $"median produce latency was {baseline.TotalMilliseconds:0.0} ms without and {poisoned.TotalMilliseconds:0.0} ms with the toxic");
        await ResourceLeaks.AssertNoneLeftAsync(ports);
    }

    [Fact]
    public async Task Post_reset_removes_every_toxic_of_every_broker_proxy()
    {
        // Given
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions(), ct);
        using var toxiproxy = new ToxiproxyClient(cluster.ToxiproxyApi!);
        foreach (var id in cluster.BrokerIds)
        {
            await toxiproxy.AddToxicAsync(cluster.ProxyNameOf(id), ToxicSpec.Latency("slow", 50), ct);
            await toxiproxy.AddToxicAsync(cluster.ProxyNameOf(id), ToxicSpec.Bandwidth("thin", 100, ToxicStream.Upstream), ct);
        }
        (await toxiproxy.ListToxicsAsync(cluster.ProxyNameOf(106), ct)).Should().HaveCount(2);

        // When
        await toxiproxy.ResetAsync(ct);

        // Then
        foreach (var id in cluster.BrokerIds)
            (await toxiproxy.ListToxicsAsync(cluster.ProxyNameOf(id), ct)).Should().BeEmpty();
        (await toxiproxy.ListProxiesAsync(ct)).Select(p => p.Name).Should().BeEquivalentTo(["broker-105", "broker-106", "broker-108"]);
    }

    [Fact]
    public async Task Isolating_a_leader_cuts_it_off_and_the_controller_fails_it_over_after_the_delay()
    {
        // Given
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions
        {
            DetectionDelay = TimeSpan.FromMilliseconds(500),
            Topics = [new TopicSpec("q_1", 3, 3)],
        }, ct);
        using (var producer = Traffic.Producer(cluster.BootstrapServers, c => c.LingerMs = 0))
        {
            // When
            await cluster.IsolateAsync(108, ct);
            var moved = await ProduceWithinAsync(producer, new TopicPartition("q_1", 2), TimeSpan.FromSeconds(15), ct);

            // Then: partition 2 ([108,105,106]) is served by 105 after the delay
            moved!.Status.Should().Be(PersistenceStatus.Persisted);
            (await cluster.DescribeTopicAsync("q_1", ct)).LeaderOf(2).Should().Be(105);
            await cluster.HealAsync(108, ct);
        }
        cluster.ConditionOf(108).Should().Be(BrokerCondition.Running);
        (await cluster.DescribeTopicAsync("q_1", ct)).LeaderOf(2).Should().Be(105, "healing does not move leadership back");
    }

    private static async Task<TimeSpan> MedianProduceLatencyAsync(IProducer<long, byte[]> producer, int samples, CancellationToken ct)
    {
        var latencies = new List<TimeSpan>(samples);
        for (var i = 0; i < samples; i++)
        {
            var clock = Stopwatch.StartNew();
            await producer.ProduceAsync(new TopicPartition("q_1", 1), new() { Key = i, Value = Traffic.Payload }, ct);
            latencies.Add(clock.Elapsed);
        }
        latencies.Sort();
        return latencies[samples / 2];
    }

    /// <summary>Produces until one send is persisted or the timeout passes (each attempt bounded by the producer's message timeout).</summary>
    private static async Task<DeliveryResult<long, byte[]>?> ProduceWithinAsync(IProducer<long, byte[]> producer, TopicPartition partition, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        for (var attempt = 0; attempt < 20 && clock.Elapsed < timeout; attempt++)
        {
            try
            {
                return await producer.ProduceAsync(partition, new() { Key = 100 + attempt, Value = Traffic.Payload }, ct);
            }
            catch (ProduceException<long, byte[]> e)
            {
                last = e;
            }
        }
        throw new TimeoutException($"No send to {partition} was persisted within {timeout.TotalSeconds} s.", last);
    }
}
