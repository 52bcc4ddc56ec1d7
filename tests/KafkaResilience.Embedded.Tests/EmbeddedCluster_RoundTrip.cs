using System.Diagnostics;
using FluentAssertions;
using KafkaResilience.Cluster;
using Xunit;

namespace KafkaResilience.Embedded.Tests;

public sealed class EmbeddedCluster_RoundTrip
{
    [Fact]
    public async Task A_hundred_thousand_messages_through_105_106_108_lose_nothing()
    {
        // Given
        const int count = 100_000;
        var ct = TestContext.Current.CancellationToken;
        var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("q_1", 3, 3)] }, ct);
        var ports = ResourceLeaks.PortsOf(cluster);
        var deliveries = new Traffic.Deliveries();
        HashSet<long> consumed;

        await using (cluster)
        {
            // When
            using (var producer = Traffic.Producer(cluster.BootstrapServers))
            {
                for (long i = 0; i < count; i++)
                {
                    while (true)
                    {
                        try
                        {
                            producer.Produce("q_1", new() { Key = i, Value = Traffic.Payload }, deliveries.Record);
                            break;
                        }
                        catch (Confluent.Kafka.ProduceException<long, byte[]> e) when (e.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
                        {
                            producer.Poll(TimeSpan.FromMilliseconds(10));
                        }
                    }
                }
                producer.Flush(TimeSpan.FromSeconds(30)).Should().Be(0, "every message is delivered or failed within the flush timeout");
            }
            consumed = Traffic.ConsumeAll(cluster.BootstrapServers, "q_1", 3, count, TimeSpan.FromSeconds(30));
        }

        // Then
        deliveries.Failed.Should().BeEmpty();
        deliveries.Acked.Should().HaveCount(count);
        deliveries.Acked.Keys.Except(consumed).Should().BeEmpty("every acknowledged message must be read back");
        consumed.Should().HaveCount(count);
        await ResourceLeaks.AssertNoneLeftAsync(ports);
    }
}
