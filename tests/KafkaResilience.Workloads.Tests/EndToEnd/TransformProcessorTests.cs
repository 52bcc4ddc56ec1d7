using System.Text.RegularExpressions;
using FluentAssertions;
using KafkaResilience.Cluster;
using KafkaResilience.Cluster.Waiting;
using KafkaResilience.Embedded;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.Consuming;
using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.Producing;
using KafkaResilience.Workloads.Transactions;
using Xunit;

namespace KafkaResilience.Workloads.Tests.EndToEnd;

/// <summary>
/// A consume-transform-produce processor against the embedded cluster, its output read by a read_committed group. Run
/// through, every input is written exactly once. Killed and restarted, it resumes from where the group's committed
/// offsets say; the mock stores no offsets sent to a transaction, so there it starts over, and the exactly-once checker
/// must name every input written twice, with its offset and the transactions of both outputs.
/// </summary>
public sealed partial class TransformProcessorTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_processor_that_runs_through_writes_every_input_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await Cluster(ct);
        var (ledger, audit) = await ReadingOutputAsync(cluster, ct);
        await using var processor = TransformProcessor.Start(cluster, Options(), ledger, TestContext.Current.TestOutputHelper is { } o ? o.WriteLine : null);
        await WaitAssignedAsync(processor, ct);

        await using (var input = ProducerWorkload.Start(cluster, new ProducerWorkloadOptions { Topic = "orders", MessageCount = 2_000, RatePerSecond = 4_000, Name = "orders" }, ledger))
            await input.WaitAsync(Budget, ct);
        await ConditionWait.UntilAsync(() => processor.CommittedInputs >= 2_000 && audit.Members.Sum(m => m.ConsumedCount) >= 2_000, Budget,
            () => $"the processor committed {processor.CommittedInputs:N0} of 2,000 inputs; the audit group read {audit.Members.Sum(m => m.ConsumedCount):N0}", ct);
        await audit.StopAllAsync();
        var run = CheckerRun.Of(ledger.Snapshot(), new DuplicateOutputChecker("orders", "audit", "processor"), new PartialTransactionChecker(["audit"]), new LostChecker());

        run.Validity.Should().Be(Validity.Valid, run.ToString());
        run[DuplicateOutputChecker.CheckerName].Numbers["written-once"].Should().Be(2_000);
        ledger.Transactions.CommittedCount.Should().BeGreaterThan(1, "2,000 inputs take more than one transaction of at most 100");
    }

    [Fact]
    public async Task A_processor_killed_mid_transaction_and_restarted_on_the_mock_writes_inputs_twice_and_the_checker_names_them()
    {
        // Given: 2,000 inputs already written; the processor reads them, and is killed after 700
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await Cluster(ct);
        var (ledger, audit) = await ReadingOutputAsync(cluster, ct);
        await using (var input = ProducerWorkload.Start(cluster, new ProducerWorkloadOptions { Topic = "orders", MessageCount = 2_000, Name = "orders" }, ledger))
            await input.WaitAsync(Budget, ct);
        await using var processor = TransformProcessor.Start(cluster, Options(), ledger);

        // When: it is killed and started again
        await processor.KillAfterAsync(700, Budget, ct);
        processor.Restart();
        await ConditionWait.UntilAsync(() => processor.CommittedInputs >= 2_000 + 600, Budget, () => $"the processor committed {processor.CommittedInputs:N0} inputs", ct);
        await ConditionWait.UntilAsync(() => audit.Members.Sum(m => m.ConsumedCount) >= processor.Processed, Budget,
            () => $"the audit group read {audit.Members.Sum(m => m.ConsumedCount):N0} of {processor.Processed:N0} outputs", ct);
        await audit.StopAllAsync();
        var history = ledger.Snapshot();
        var verdict = new DuplicateOutputChecker("orders", "audit", "processor").Check(history);

        // Then: the restart started over (no offsets stored by TxnOffsetCommit): the inputs of the committed transactions
        // before the kill have two outputs, the killed transaction's outputs were read too (no read_committed either)
        verdict.Validity.Should().Be(Validity.Invalid, verdict.ToString());
        verdict.Numbers["written-more-than-once"].Should().Be(700, "every input handled before the kill was written again after it");
        verdict.Examples.Should().OnlyContain(e => TwiceExample().IsMatch(e), string.Join("\n", verdict.Examples));
        history.Transactions.Transactions.Should().Contain(t => t.Outcome == TransactionOutcome.Aborted && t.Note == "killed before its commit");
        history.Transactions.Sessions.Should().HaveCount(2);
    }

    [GeneratedRegex(@"^orders-[0-2]:\d+ written 2 times to payments: p\d+#\d+ at payments-[0-2]:\d+ \(txn processor#\d+ \((committed|aborted)\)\), p\d+#\d+ at payments-[0-2]:\d+ \(txn processor#\d+ \(committed\)\)$")]
    private static partial Regex TwiceExample();

    private static Task<EmbeddedCluster> Cluster(CancellationToken ct) => EmbeddedCluster.StartAsync(new EmbeddedClusterOptions
    {
        Topics = [new TopicSpec("orders", 3, 3), new TopicSpec("payments", 3, 3)],
        UseFaultProxy = false,
    }, ct);

    private static TransformProcessorOptions Options() => new()
    {
        InputTopic = "orders", OutputTopic = "payments", GroupId = "processor", TransactionalId = "processor", BatchSize = 100,
    };

    /// <summary>A read_committed group "audit" of 1 reading "payments", and the processor's member recorded as group "processor".</summary>
    private static async Task<(HistoryLedger Ledger, ConsumerWorkload Audit)> ReadingOutputAsync(IKafkaCluster cluster, CancellationToken ct)
    {
        var ledger = new HistoryLedger();
        ledger.Transactions.RecordReads();
        var audit = ConsumerWorkload.Start(cluster, new ConsumerWorkloadOptions
        {
            Topic = "payments", GroupId = "audit", Name = "audit",
            Settings = new Dictionary<string, string> { ["isolation.level"] = "read_committed", ["fetch.wait.max.ms"] = "100" },
        }, ledger);
        ledger.Transactions.AddReader(new TransactionReader("audit", ReadIsolation.ReadCommitted, [.. audit.Members.Select(m => m.Name)], ["payments"]));
        ledger.Transactions.AddReader(new TransactionReader("processor", ReadIsolation.ReadCommitted, ["processor-0"], ["orders"]));
        await audit.WaitForAssignmentAsync(3, TimeSpan.FromSeconds(30), ct);
        return (ledger, audit);
    }

    private static Task WaitAssignedAsync(TransformProcessor processor, CancellationToken ct) =>
        ConditionWait.UntilAsync(() => processor.Member.ConsumedCount > 0 || processor.IsRunning, TimeSpan.FromSeconds(30), () => "the processor did not start", ct);
}
