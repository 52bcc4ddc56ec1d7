using Confluent.Kafka;
using FluentAssertions;
using KafkaResilience.Cluster;
using Xunit;

namespace KafkaResilience.Embedded.Tests;

public sealed class EmbeddedCluster_RequestErrors
{
    private const short Produce = 0;

    [Fact]
    public async Task Injected_produce_errors_are_answered_once_each_and_then_cleared()
    {
        // Given
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("q_1", 1, 1)] }, ct);
        using var producer = Traffic.Producer(cluster.BootstrapServers, c => { c.LingerMs = 0; c.MessageSendMaxRetries = 0; c.EnableIdempotence = false; });
        await producer.ProduceAsync("q_1", new() { Key = 0, Value = Traffic.Payload }, ct);

        // When: the next produce request fails with a non-retriable error
        cluster.InjectRequestErrors(Produce, [ErrorCode.InvalidRecord]);
        var failed = await Record.ExceptionAsync(() => producer.ProduceAsync("q_1", new() { Key = 1, Value = Traffic.Payload }, ct));
        var next = await producer.ProduceAsync("q_1", new() { Key = 2, Value = Traffic.Payload }, ct);
        cluster.InjectRequestErrors(Produce, [ErrorCode.InvalidRecord, ErrorCode.InvalidRecord]);
        cluster.ClearRequestErrors(Produce);
        var afterClear = await producer.ProduceAsync("q_1", new() { Key = 3, Value = Traffic.Payload }, ct);

        // Then
        failed.Should().BeOfType<ProduceException<long, byte[]>>().Which.Error.Code.Should().Be(ErrorCode.InvalidRecord);
        next.Status.Should().Be(PersistenceStatus.Persisted);
        afterClear.Status.Should().Be(PersistenceStatus.Persisted, "cleared errors are not served");
    }
}
