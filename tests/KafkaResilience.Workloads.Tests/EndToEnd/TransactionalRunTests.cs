using System.Text.RegularExpressions;
using FluentAssertions;
using KafkaResilience.Cluster;
using KafkaResilience.Cluster.Waiting;
using KafkaResilience.Embedded;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.Consuming;
using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.Transactions;
using Xunit;

namespace KafkaResilience.Workloads.Tests.EndToEnd;

/// <summary>
/// A transactional producer and readers of both isolation levels against the embedded cluster: the history holds each
/// transaction's outcome and every read, and the checkers judge them. The mock's Fetch ignores isolation.level, so a
/// read_committed group there reads the aborted transactions: a real client driven into the G1a anomaly, which the
/// aborted-read checker must name with transaction id, partition and offset.
/// </summary>
public sealed partial class TransactionalRunTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Transactions_of_100_over_3_partitions_every_3rd_aborted_are_recorded_and_judged()
    {
        // Given: group "audit" (read_committed) and group "raw" (read_uncommitted) reading "tx"
        var ct = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("tx", 3, 3)], UseFaultProxy = false }, ct);
        var ledger = new HistoryLedger();
        ledger.Transactions.RecordReads();
        await using var audit = Readers(cluster, ledger, "audit", ReadIsolation.ReadCommitted);
        await using var raw = Readers(cluster, ledger, "raw", ReadIsolation.ReadUncommitted);
        await audit.WaitForAssignmentAsync(3, TimeSpan.FromSeconds(30), ct);
        await raw.WaitForAssignmentAsync(3, TimeSpan.FromSeconds(30), ct);

        // When: 1,000 messages in 10 transactions, the 3rd, 6th and 9th aborted
        await using var producer = TransactionalProducerWorkload.Start(cluster, new TransactionalProducerOptions
        {
            Topic = "tx", TransactionalId = "tx-e2e", MessageCount = 1_000, TransactionSize = 100, AbortEvery = 3, RatePerSecond = 5_000, Name = "tx-e2e",
        }, ledger, line => output?.WriteLine(line));
        await producer.WaitAsync(Budget, ct);
        await WaitUntilReadAsync(ledger, 2 * 1_000, ct);
        await audit.StopAllAsync();
        await raw.StopAllAsync();
        var history = ledger.Snapshot();
        var run = CheckerRun.Of(history, new LostCommittedChecker(), new DuplicateCommittedChecker(), new CommittedOrderChecker(),
            new PartialTransactionChecker(), new AbortedReadChecker(), new LostChecker());
        output?.WriteLine(run.ToString());

        // Then: outcomes as planned, in the log and in the ledger (committed = ok, aborted = failed)
        var transactions = history.Transactions.Transactions;
        transactions.Select(t => t.Outcome).Should().Equal(
            TransactionOutcome.Committed, TransactionOutcome.Committed, TransactionOutcome.Aborted, TransactionOutcome.Committed, TransactionOutcome.Committed,
            TransactionOutcome.Aborted, TransactionOutcome.Committed, TransactionOutcome.Committed, TransactionOutcome.Aborted, TransactionOutcome.Committed);
        transactions.Should().OnlyContain(t => t.Count == 100 && t.Partitions.Distinct().Count() == 3 && t.Offsets.All(o => o >= 0), "every message was written, to all 3 partitions");
        history.TotalOk.Should().Be(700);
        history.TotalFailed.Should().Be(300);
        history.Transactions.Sessions.Should().ContainSingle();

        // Then: committed messages arrive once, in order, whole, for both groups; loss in the ledger's terms too
        foreach (var checker in new[] { LostCommittedChecker.CheckerName, DuplicateCommittedChecker.CheckerName, CommittedOrderChecker.CheckerName, PartialTransactionChecker.CheckerName, LostChecker.CheckerName })
            run[checker].Validity.Should().Be(Validity.Valid, run[checker].ToString());

        // Then: the read_committed group read the 300 aborted messages, each named with its transaction, partition and offset
        var aborted = run[AbortedReadChecker.CheckerName];
        aborted.Validity.Should().Be(Validity.Invalid, "the embedded mock answers read_committed fetches with aborted transactions");
        aborted.Numbers["aborted-read"].Should().Be(300);
        aborted.Numbers["aborted-transactions-read"].Should().Be(3);
        aborted.Examples.Should().HaveCount(10).And.OnlyContain(e => AbortedExample().IsMatch(e), string.Join("\n", aborted.Examples));
        aborted.Summary.Should().MatchRegex(@"^300 messages of 3 aborted transactions read by group ""audit"" \(1,000 read\); first: p0#\d+ at tx-[0-2]:\d+ \(txn tx-e2e#[369] \(aborted\)\) read by audit-[0-2]$");
    }

    [GeneratedRegex(@"^p0#\d+ at tx-[0-2]:\d+ \(txn tx-e2e#[369] \(aborted\)\) read by audit-[0-2]$")]
    private static partial Regex AbortedExample();

    private static ConsumerWorkload Readers(IKafkaCluster cluster, HistoryLedger ledger, string group, ReadIsolation isolation)
    {
        var workload = ConsumerWorkload.Start(cluster, new ConsumerWorkloadOptions
        {
            Topic = "tx", Consumers = 3, GroupId = group, Name = group,
            Settings = new Dictionary<string, string>
            {
                ["isolation.level"] = isolation == ReadIsolation.ReadCommitted ? "read_committed" : "read_uncommitted",
                ["fetch.wait.max.ms"] = "100",
            },
        }, ledger);
        ledger.Transactions.AddReader(new TransactionReader(group, isolation, [.. workload.Members.Select(m => m.Name)], ["tx"]));
        return workload;
    }

    private static Task WaitUntilReadAsync(HistoryLedger ledger, long reads, CancellationToken ct) =>
        ConditionWait.UntilAsync(() => ledger.Transactions.ReadCount >= reads, Budget,
            () => $"the groups read {ledger.Transactions.ReadCount:N0} of the {reads:N0} records written", ct);
}
