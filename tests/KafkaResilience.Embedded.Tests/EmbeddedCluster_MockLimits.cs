using Confluent.Kafka;
using FluentAssertions;
using KafkaResilience.Cluster;
using Xunit;

namespace KafkaResilience.Embedded.Tests;

/// <summary>Measures the limits the capability list states, so the list cannot silently go stale.</summary>
public sealed class EmbeddedCluster_MockLimits
{
    [Fact]
    public async Task A_partition_keeps_only_about_5_MiB_so_old_records_are_dropped()
    {
        // Given: 8 MiB written to one partition in 100 KiB records
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("big", 1, 1)] }, ct);
        var value = new byte[100 * 1024];
        using (var producer = Traffic.Producer(cluster.BootstrapServers, c => { c.LingerMs = 0; c.BatchNumMessages = 1; }))
        {
            for (var i = 0; i < 80; i++) producer.Produce("big", new() { Key = i, Value = value });
            producer.Flush(TimeSpan.FromSeconds(30)).Should().Be(0);
        }

        // When
        WatermarkOffsets offsets;
        using (var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = cluster.BootstrapServers, GroupId = "watermarks" }).Build())
            offsets = consumer.QueryWatermarkOffsets(new TopicPartition("big", 0), TimeSpan.FromSeconds(10));

        // Then: the log end is 80 but only the newest ~50 records (5 MiB / 100 KiB) are kept
        offsets.High.Value.Should().Be(80);
        offsets.Low.Value.Should().BeInRange(25, 35, "about 5 MiB of the 8 MiB written is kept");
        cluster.Capabilities.Has(Capability.UnboundedRetention).Should().BeFalse();
    }

    [Fact]
    public async Task The_capability_list_states_every_limit_with_a_reason()
    {
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions(), TestContext.Current.CancellationToken);

        cluster.Capabilities.Missing.Keys.Should().BeEquivalentTo(new[]
        {
            Capability.AcksSemantics, Capability.Replication, Capability.UncleanElectionLoss, Capability.UnboundedRetention,
            Capability.IdempotentDedup, Capability.AdminCreateTopics, Capability.IsolateFromBrokers, Capability.ControllerFailover,
            Capability.ReadCommitted, Capability.TransactionalOffsetCommit, Capability.ProducerFencing,
        });
        cluster.Capabilities.Has(Capability.NetworkToxics).Should().BeTrue();
        cluster.Capabilities.Has(Capability.LeaderFailover).Should().BeTrue();
        cluster.Capabilities.WhyNot(Capability.AcksSemantics).Should().Contain("ignores acks");
    }
}
