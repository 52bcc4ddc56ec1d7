using FluentAssertions;
using KafkaResilience.Cluster;
using KafkaResilience.Embedded;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.Consuming;
using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.Producing;
using KafkaResilience.Workloads.Reporting;
using Xunit;

namespace KafkaResilience.Workloads.Tests.EndToEnd;

/// <summary>Real clients against the embedded cluster: the workloads record, the checkers judge.</summary>
public sealed class EmbeddedRunTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_million_messages_of_100_bytes_arrive_with_none_lost_duplicated_or_reordered()
    {
        // Given
        var output = TestContext.Current.TestOutputHelper;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("million", 3, 3)], UseFaultProxy = false }, TestContext.Current.CancellationToken);
        var ledger = new HistoryLedger();
        using var progress = new ProgressReporter(ledger, TimeSpan.FromSeconds(2), line => output?.WriteLine(line));

        // When
        await using var consumers = ConsumerWorkload.Start(cluster, new ConsumerWorkloadOptions { Topic = "million", Consumers = 3 }, ledger, line => output?.WriteLine(line));
        await consumers.WaitForAssignmentAsync(3, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        // The mock keeps only ~5 MB per partition, so consumers must keep up: a paced producer keeps the run honest on 2 cores.
        await using var producer = ProducerWorkload.Start(cluster, new ProducerWorkloadOptions { Topic = "million", MessageCount = 1_000_000, MessageSize = 100, RatePerSecond = 200_000 }, ledger, line => output?.WriteLine(line));
        await producer.WaitAsync(Budget, TestContext.Current.CancellationToken);
        var caughtUp = await consumers.WaitUntilCaughtUpAsync(() => producer.IsCompleted, TimeSpan.FromSeconds(10), Budget, TestContext.Current.CancellationToken);
        await consumers.StopAllAsync();
        var history = ledger.Snapshot(cluster.LeadershipChanges);
        var run = CheckerRun.Of(history, new LostChecker(), new DuplicateChecker(), new ReorderChecker());

        // Then
        output?.WriteLine(PerfReport.ProducerLine(history));
        output?.WriteLine(PerfReport.ConsumerHeader);
        output?.WriteLine(PerfReport.ConsumerLine(history));
        output?.WriteLine(run.ToString());
        caughtUp.CaughtUp.Should().BeTrue(caughtUp.ToString());
        history.TotalOk.Should().Be(1_000_000);
        run[LostChecker.CheckerName].Numbers["lost"].Should().Be(0);
        run[DuplicateChecker.CheckerName].Numbers["written-twice"].Should().Be(0);
        run[DuplicateChecker.CheckerName].Numbers["delivered-twice"].Should().Be(0);
        run[ReorderChecker.CheckerName].Numbers["reordered"].Should().Be(0);
        run.Validity.Should().Be(Validity.Valid, run.ToString());
    }
}
