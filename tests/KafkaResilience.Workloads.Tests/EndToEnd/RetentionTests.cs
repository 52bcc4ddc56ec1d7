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
/// The embedded cluster keeps ~5 MiB per partition: records written further ahead of a consumer are
/// dropped before it reads them. The consumers record each reset that skipped them, and the lost checker
/// names them skipped by the cluster (below log-start offset), never lost.
/// </summary>
public sealed class RetentionTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_late_reader_finds_the_oldest_records_below_the_log_start_and_they_are_named_retention_not_lost(bool splitByHand)
    {
        // Given: 200,000 records of 100 B written into one partition before anyone reads it (~5 times the window)
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("late", 1, 1)], UseFaultProxy = false }, ct);
        var ledger = new HistoryLedger();
        await using (var producer = ProducerWorkload.Start(cluster, new ProducerWorkloadOptions { Topic = "late", MessageCount = 200_000, MessageSize = 100 }, ledger))
            await producer.WaitAsync(Budget, ct);

        // When: a late reader reads what the partition still holds
        await using var readers = ConsumerWorkload.Start(cluster, new ConsumerWorkloadOptions { Topic = "late", GroupId = "late-readers", Name = "late", ManualAssignment = splitByHand }, ledger);
        var read = await readers.WaitUntilIdleAsync(TimeSpan.FromSeconds(2), Budget, ct);
        await readers.StopAllAsync();
        var history = ledger.Snapshot();
        var verdict = new LostChecker().Check(history);
        TestContext.Current.TestOutputHelper?.WriteLine(verdict.ToString());
        foreach (var reset in history.OffsetResets) TestContext.Current.TestOutputHelper?.WriteLine(reset.ToString());

        // Then: the reader started at the log start; every record below it is named, none is called lost
        var start = history.OffsetResets.Should().ContainSingle().Which;
        start.Kind.Should().Be(OffsetResetKind.ToLogStart);
        start.From.Should().Be(0);
        start.To.Should().BeInRange(1, 199_999, "the mock keeps ~5 MiB of the 20 MB written");
        read.Should().Be(200_000 - start.To!.Value);
        verdict.Numbers["lost"].Should().Be(0);
        verdict.Numbers["below-log-start"].Should().Be(start.To.Value);
        verdict.Validity.Should().Be(Validity.Unknown);
        verdict.Summary.Should().Contain($"{start.To.Value:N0} skipped by the cluster (below log-start offset)");
        LostChecker.AckedBelowLogStart(history, c => c.StartsWith("late-", StringComparison.Ordinal)).Should().Be(start.To.Value);
    }

    [Fact]
    public async Task A_member_that_comes_back_behind_the_log_start_records_the_reset_and_what_it_skipped()
    {
        // Given: one member read 20,000 records and committed, then left
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("behind", 1, 1)], UseFaultProxy = false }, ct);
        var ledger = new HistoryLedger();
        await using var group = ConsumerWorkload.Start(cluster, new ConsumerWorkloadOptions
        {
            Topic = "behind", GroupId = "behind-readers", Name = "behind", CommitMode = CommitMode.AfterProcessing, CommitEvery = 1_000,
        }, ledger);
        await group.WaitForAssignmentAsync(1, TimeSpan.FromSeconds(30), ct);
        await using (var first = ProducerWorkload.Start(cluster, new ProducerWorkloadOptions { Topic = "behind", MessageCount = 20_000, Name = "first" }, ledger))
            await first.WaitAsync(Budget, ct);
        (await group.WaitUntilCaughtUpAsync(() => true, TimeSpan.FromSeconds(10), Budget, ct)).CaughtUp.Should().BeTrue();
        await group.StopAsync(0);

        // When: 200,000 more are written while it is away (the log start moves past its committed offset), and it comes back
        await using (var second = ProducerWorkload.Start(cluster, new ProducerWorkloadOptions { Topic = "behind", MessageCount = 200_000, Name = "second" }, ledger))
            await second.WaitAsync(Budget, ct);
        group.Restart(0);
        await group.WaitForAssignmentAsync(1, TimeSpan.FromSeconds(30), ct);
        await group.WaitUntilIdleAsync(TimeSpan.FromSeconds(3), Budget, ct);
        await group.StopAllAsync();
        var history = ledger.Snapshot();
        var verdict = new LostChecker().Check(history);
        TestContext.Current.TestOutputHelper?.WriteLine(verdict.ToString());
        foreach (var r in history.OffsetResets) TestContext.Current.TestOutputHelper?.WriteLine(r.ToString());

        // Then: the reset librdkafka reported is recorded from the committed offset to the first record read after it
        var reset = history.OffsetResets.Should().ContainSingle().Which;
        reset.Kind.Should().Be(OffsetResetKind.ToLogStart);
        reset.From.Should().Be(20_000);
        reset.To.Should().BeGreaterThan(20_000);
        reset.Reason.Should().Contain("Offset out of range");
        verdict.Numbers["below-log-start"].Should().Be(reset.To!.Value - 20_000);
        verdict.Numbers["lost"].Should().Be(0);
        history.TotalConsumed.Should().Be(20_000 + 220_000 - reset.To.Value);
    }
}
