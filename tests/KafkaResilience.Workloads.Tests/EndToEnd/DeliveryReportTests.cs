using Confluent.Kafka;
using FluentAssertions;
using KafkaResilience.Cluster;
using KafkaResilience.Embedded;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.Consuming;
using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.Producing;
using Xunit;

namespace KafkaResilience.Workloads.Tests.EndToEnd;

/// <summary>
/// The producer's delivery reports, read in batches through librdkafka's event API by the sending threads,
/// against the embedded cluster: each send ends with exactly one outcome, each acknowledged one at its own
/// offset, and a send the cluster refused is recorded as failed, never as ok.
/// </summary>
public sealed class DeliveryReportTests
{
    private const short ProduceApi = 0;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Every_send_gets_one_outcome_acknowledged_ones_at_their_own_offsets_and_refused_requests_as_failed()
    {
        // Given: a one-partition topic whose first two produce requests the cluster refuses for good
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("reports", 1, 1)], UseFaultProxy = false }, ct);
        var ledger = new HistoryLedger();
        await using var producer = ProducerWorkload.Prepare(cluster, new ProducerWorkloadOptions { Topic = "reports", MessageCount = 20_000 }, ledger);
        cluster.InjectRequestErrors(ProduceApi, [ErrorCode.InvalidRecord, ErrorCode.InvalidRecord]);

        // When: it sends, and afterwards one reader reads the whole partition
        producer.Start(ledger.Now());
        await producer.WaitAsync(Budget, ct);
        await using var reader = ConsumerWorkload.Start(cluster, new ConsumerWorkloadOptions { Topic = "reports", ManualAssignment = true }, ledger);
        var caughtUp = await reader.WaitUntilCaughtUpAsync(() => true, TimeSpan.FromSeconds(10), Budget, ct);
        await reader.StopAllAsync();
        var history = ledger.Snapshot();
        var lost = new LostChecker().Check(history);

        // Then
        caughtUp.CaughtUp.Should().BeTrue(caughtUp.ToString());
        var stream = history.Producers.Single();
        stream.Sent.Should().Be(20_000);
        (stream.Ok + stream.Failed).Should().Be(20_000, "every send ends ok or failed");
        stream.Failed.Should().BePositive("the refused requests' records are failed");
        stream.Unknown.Should().Be(0);
        stream.Pending.Should().Be(0);
        stream.RepeatedOutcomes.Should().Be(0, "no report is recorded twice");
        history.CountAcked(0, 0).Acked.Should().Be(stream.Ok, "each acknowledged send is marked at its own offset");
        history.AckedTwiceAtOffset.Should().Be(0);
        lost.Numbers["acked-read"].Should().Be(stream.Ok);
        lost.Numbers["lost"].Should().Be(0);
        lost.Numbers["failed-but-read"].Should().Be(0, "a send recorded as failed was never written");
        history.TotalConsumed.Should().Be(stream.Ok);
    }

    [Fact]
    public async Task Threads_sharing_a_client_each_get_their_own_reports_exactly_once()
    {
        // Given: two clients of two threads each, keyed sends spread by the client's partitioner over 3 partitions
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("shared", 3, 1)], UseFaultProxy = false }, ct);
        var ledger = new HistoryLedger();

        // When
        await using var producer = ProducerWorkload.Start(cluster, new ProducerWorkloadOptions
        {
            Topic = "shared", MessageCount = 40_000, Instances = 2, ThreadsPerInstance = 2, KeyMode = KeyMode.Keyed, KeyCount = 10,
        }, ledger);
        await producer.WaitAsync(Budget, ct);
        await using var reader = ConsumerWorkload.Start(cluster, new ConsumerWorkloadOptions { Topic = "shared", ManualAssignment = true }, ledger);
        var caughtUp = await reader.WaitUntilCaughtUpAsync(() => true, TimeSpan.FromSeconds(10), Budget, ct);
        await reader.StopAllAsync();
        var history = ledger.Snapshot();

        // Then
        caughtUp.CaughtUp.Should().BeTrue(caughtUp.ToString());
        history.Producers.Should().HaveCount(4).And.OnlyContain(p => p.Sent == 10_000 && p.Ok == 10_000 && p.RepeatedOutcomes == 0 && p.Pending == 0);
        Enumerable.Range(0, 3).Sum(p => history.CountAcked(0, p).Acked).Should().Be(40_000);
        history.AckedTwiceAtOffset.Should().Be(0);
        CheckerRun.Of(history, new LostChecker(), new DuplicateChecker(), new ReorderChecker()).Validity.Should().Be(Validity.Valid);
    }

    [Fact]
    public async Task Sends_still_outstanding_when_the_flush_times_out_are_purged_and_each_recorded_failed_or_unknown()
    {
        // Given: the partition's leader stops answering once the producer is ready
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions
        {
            Topics = [new TopicSpec("stuck", 1, 1)], UseFaultProxy = false, DetectionDelay = TimeSpan.FromMinutes(5),
        }, ct);
        var leader = (await cluster.DescribeTopicAsync("stuck", ct)).Partitions.Single().Leader ?? throw new InvalidOperationException("the partition has no leader");
        var ledger = new HistoryLedger();
        await using var producer = ProducerWorkload.Prepare(cluster, new ProducerWorkloadOptions
        {
            Topic = "stuck", MessageCount = 5_000, FlushTimeout = TimeSpan.FromSeconds(1),
        }, ledger);
        await cluster.PauseAsync(leader, ct);

        // When
        producer.Start(ledger.Now());
        await producer.WaitAsync(Budget, ct);
        await cluster.ResumeAsync(leader, ct);
        var history = ledger.Snapshot();

        // Then: nothing was acknowledged; every send has exactly one outcome
        var stream = history.Producers.Single();
        stream.Sent.Should().Be(5_000);
        stream.Ok.Should().Be(0);
        (stream.Failed + stream.Unknown).Should().Be(5_000);
        stream.Pending.Should().Be(0);
        stream.RepeatedOutcomes.Should().Be(0);
    }
}
