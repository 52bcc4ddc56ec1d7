using FluentAssertions;
using KafkaResilience.Cluster;
using KafkaResilience.Embedded;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.Consuming;
using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.Producing;
using KafkaResilience.Workloads.Performance;
using Xunit;

namespace KafkaResilience.Workloads.Tests.EndToEnd;

/// <summary>Real clients against the embedded cluster: the workloads record, the checkers judge.</summary>
public sealed class EmbeddedRunTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    /// <summary>librdkafka's group debug lines, kept by each consumer so that a group that does not form says why.</summary>
    private static IReadOnlyDictionary<string, string> GroupDebug => new Dictionary<string, string> { ["debug"] = "cgrp" };

    [Fact]
    public async Task A_million_messages_of_100_bytes_arrive_with_none_lost_duplicated_or_reordered()
    {
        // Given
        var output = TestContext.Current.TestOutputHelper;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("million", 3, 3)], UseFaultProxy = false }, TestContext.Current.CancellationToken);
        var ledger = new HistoryLedger();
        using var progress = new ProgressReporter(ledger, TimeSpan.FromSeconds(2), line => output?.WriteLine(line));

        // When
        await using var consumers = ConsumerWorkload.Start(cluster, new ConsumerWorkloadOptions { Topic = "million", Consumers = 3, Settings = GroupDebug }, ledger, line => output?.WriteLine(line));
        await consumers.WaitForAssignmentAsync(3, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        // The mock keeps only ~5 MB per partition, so consumers must keep up: a paced producer keeps the run honest on a small machine.
        await using var producer = ProducerWorkload.Start(cluster, new ProducerWorkloadOptions { Topic = "million", MessageCount = 1_000_000, MessageSize = 100, RatePerSecond = 200_000 }, ledger, line => output?.WriteLine(line));
        await producer.WaitAsync(Budget, TestContext.Current.CancellationToken);
        var caughtUp = await consumers.WaitUntilCaughtUpAsync(() => producer.IsCompleted, TimeSpan.FromSeconds(10), Budget, TestContext.Current.CancellationToken);
        await consumers.StopAllAsync();
        ledger.RecordLeadershipChanges(cluster.LeadershipChanges);
        var history = ledger.Snapshot();
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

    [Fact]
    public async Task A_target_of_100k_per_second_is_held_within_2_percent()
    {
        // Given
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("paced", 3, 1)], UseFaultProxy = false }, TestContext.Current.CancellationToken);
        var ledger = new HistoryLedger();

        // When: 3 s at 100k msg/s, nobody reading (the ledger records the sends).
        await using var producer = ProducerWorkload.Start(cluster, new ProducerWorkloadOptions { Topic = "paced", MessageCount = 300_000, RatePerSecond = 100_000 }, ledger);
        await producer.WaitAsync(Budget, TestContext.Current.CancellationToken);
        var history = ledger.Snapshot();

        // Then: achieved rate = sends over the span from first to last send.
        var stream = history.Producers.Single();
        var achieved = (stream.Sent - 1) / (stream.LastSendAt!.Value - stream.FirstSendAt!.Value).TotalSeconds;
        TestContext.Current.TestOutputHelper?.WriteLine($"achieved {achieved:N0} msg/s for a 100,000 msg/s target");
        achieved.Should().BeInRange(98_000, 102_000);
        history.TotalOk.Should().Be(300_000);
    }

    [Fact]
    public async Task Consumers_beyond_the_partition_count_stay_idle_and_show_zero()
    {
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("idle", 2, 1)], UseFaultProxy = false }, TestContext.Current.CancellationToken);
        var ledger = new HistoryLedger();
        await using var consumers = ConsumerWorkload.Start(cluster, new ConsumerWorkloadOptions { Topic = "idle", Consumers = 3, Settings = GroupDebug }, ledger);
        await consumers.WaitForAssignmentAsync(2, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await using var producer = ProducerWorkload.Start(cluster, new ProducerWorkloadOptions { Topic = "idle", MessageCount = 20_000 }, ledger);
        await producer.WaitAsync(Budget, TestContext.Current.CancellationToken);
        var caughtUp = await consumers.WaitUntilCaughtUpAsync(() => producer.IsCompleted, TimeSpan.FromSeconds(10), Budget, TestContext.Current.CancellationToken);
        await consumers.StopAllAsync();
        var history = ledger.Snapshot();

        caughtUp.CaughtUp.Should().BeTrue(caughtUp.ToString());
        history.Consumers.Should().HaveCount(3);
        history.Consumers.Count(c => c.Consumed == 0).Should().Be(1);
        history.Consumers.Sum(c => c.Consumed).Should().Be(20_000);
        history.Rebalances.Should().Contain(r => r.Kind == RebalanceKind.Assigned);
    }

    [Fact]
    public async Task A_group_reading_from_the_end_misses_nothing_written_once_it_is_assigned()
    {
        // Given: 1,000 records already there, and a new group that starts at the end of each partition
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("tail", 3, 1)], UseFaultProxy = false }, ct);
        var ledger = new HistoryLedger();
        await using (var before = ProducerWorkload.Start(cluster, new ProducerWorkloadOptions { Topic = "tail", MessageCount = 1_000, Name = "before" }, ledger))
            await before.WaitAsync(Budget, ct);
        await using var consumers = ConsumerWorkload.Start(cluster, new ConsumerWorkloadOptions { Topic = "tail", Consumers = 2, AutoOffsetReset = "latest" }, ledger);

        // When: the producer starts as soon as the group is assigned (and, now, has its start offsets)
        await consumers.WaitForAssignmentAsync(3, TimeSpan.FromSeconds(30), ct);
        await using var after = ProducerWorkload.Start(cluster, new ProducerWorkloadOptions { Topic = "tail", MessageCount = 1_000, Name = "after" }, ledger);
        await after.WaitAsync(Budget, ct);
        await consumers.WaitUntilCaughtUpAsync(() => true, TimeSpan.FromSeconds(3), Budget, ct);
        await consumers.StopAllAsync();
        var history = ledger.Snapshot();

        // Then: none of what was there before, all of what came after
        var afterId = history.Producers.Single(p => p.Name.StartsWith("after", StringComparison.Ordinal)).Id;
        var beforeId = history.Producers.Single(p => p.Name.StartsWith("before", StringComparison.Ordinal)).Id;
        Enumerable.Range(0, 1_000).Count(s => history.WasConsumed(afterId, s)).Should().Be(1_000);
        Enumerable.Range(0, 1_000).Count(s => history.WasConsumed(beforeId, s)).Should().Be(0);
    }

    [Fact]
    public async Task A_read_of_several_passes_reads_every_record_that_often_and_counts_no_duplicate()
    {
        // Given: 20,000 records in 3 partitions
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("passes", 3, 1)], UseFaultProxy = false }, TestContext.Current.CancellationToken);
        var ledger = new HistoryLedger();
        await using (var producer = ProducerWorkload.Start(cluster, new ProducerWorkloadOptions { Topic = "passes", MessageCount = 20_000 }, ledger))
            await producer.WaitAsync(Budget, TestContext.Current.CancellationToken);

        // When: 2 readers split the partitions by hand and read them 5 times over
        await using var consumers = ConsumerWorkload.Start(cluster, new ConsumerWorkloadOptions { Topic = "passes", Consumers = 2, ManualAssignment = true, Passes = 5 }, ledger);
        await consumers.WaitUntilIdleAsync(TimeSpan.FromSeconds(2), Budget, TestContext.Current.CancellationToken);
        await consumers.StopAllAsync();
        var history = ledger.Snapshot();
        var run = CheckerRun.Of(history, new LostChecker(), new DuplicateChecker());

        // Then
        history.TotalConsumed.Should().Be(100_000);
        history.Consumers.Sum(c => c.Reread).Should().Be(80_000);
        history.DeliveredTwice.Should().Be(0);
        run.Validity.Should().Be(Validity.Valid, run.ToString());
    }

    [Fact]
    public async Task Readers_to_the_end_read_what_the_topic_held_when_they_started_and_stop_by_themselves()
    {
        // Given: 12,000 records in 2 partitions
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("to-the-end", 2, 1)], UseFaultProxy = false }, ct);
        var ledger = new HistoryLedger();
        await using (var producer = ProducerWorkload.Start(cluster, new ProducerWorkloadOptions { Topic = "to-the-end", MessageCount = 12_000 }, ledger))
            await producer.WaitAsync(Budget, ct);

        // When: 3 readers split the 2 partitions by hand (the third gets none) and read to the end, committing nothing
        await using var readers = ConsumerWorkload.Start(cluster, new ConsumerWorkloadOptions
        {
            Topic = "to-the-end", Consumers = 3, ManualAssignment = true, StopAtEnd = true, CommitMode = CommitMode.None,
        }, ledger);
        var read = await readers.WaitUntilEndAsync(Budget, ct);

        // Then: every record was read once, and no reader is still running
        read.Should().Be(12_000);
        Enumerable.Range(0, 3).Should().OnlyContain(i => !readers.IsRunning(i));
        var history = ledger.Snapshot();
        history.Consumers.Select(c => c.Consumed).Should().SatisfyRespectively(
            first => first.Should().BePositive(), second => second.Should().BePositive(), third => third.Should().Be(0, "the third reader held no partition"));
        CheckerRun.Of(history, new LostChecker(), new DuplicateChecker()).Validity.Should().Be(Validity.Valid);
        history.Events.Should().Contain(e => e.Description.Contains("read to the end offsets it started with"));
    }

    [Fact]
    public async Task A_group_that_holds_no_partition_in_time_says_what_each_consumer_saw()
    {
        // Given: consumers of a topic that does not exist never get a partition
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("present", 1, 1)], UseFaultProxy = false }, TestContext.Current.CancellationToken);
        await using var consumers = ConsumerWorkload.Start(cluster, new ConsumerWorkloadOptions { Topic = "absent", Consumers = 2, Settings = GroupDebug }, new HistoryLedger());

        // When
        var wait = () => consumers.WaitForAssignmentAsync(1, TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);

        // Then: the message names the group and every member with its state and what librdkafka said last
        var error = (await wait.Should().ThrowAsync<TimeoutException>()).Which.Message;
        error.Should().Contain($"group {consumers.GroupId}").And.Contain("consumer-0: running, 0 partition(s)").And.Contain("consumer-1: running, 0 partition(s)");
        error.Should().Contain("last reported:");
        TestContext.Current.TestOutputHelper?.WriteLine(error);
    }
}
