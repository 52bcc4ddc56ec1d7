using System.Text.Json;
using FluentAssertions;
using KafkaResilience.Chaos.Scenario;
using KafkaResilience.Reporting;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Chaos.Tests.Scenario;

/// <summary>
/// The Then steps about transactions, judged on planted anomalies: each fails in its category with the transaction id,
/// partition and offset of the first anomalous record in its measured value (beside the step, in the report's step
/// parameters) and in the verdict the report attaches; each passes on a clean history.
/// </summary>
public sealed class ScenarioTransactionsTests
{
    private const string NoAbortedRead = "Then no aborted message is read";

    [Fact]
    public async Task A_planted_aborted_read_fails_as_aborted_read_naming_transaction_partition_and_offset_beside_the_step_and_in_the_verdicts()
    {
        // Given: a committed and an aborted transaction on "tx"; group "audit" (read_committed) read the committed one and
        // the first message of the aborted one, at tx-0:1
        var (s, transactions, log) = Scenario();
        var stream = s.History.Ledger.AddProducer("tx-send1", 100, "tx");
        log.AddReader(new TransactionReader("audit", ReadIsolation.ReadCommitted, ["audit-0"], ["tx"]));
        var audit = s.History.Ledger.AddConsumer("audit-0");
        var committed = Transaction(s, log, stream, 1, 0, TransactionOutcome.Committed);
        var aborted = Transaction(s, log, stream, 2, 1, TransactionOutcome.Aborted);
        Read(s, audit, committed);
        Read(s, audit, aborted, only: 1);

        // When
        var failed = s.Step(NoAbortedRead, transactions.NoAbortedRead);

        // Then: failed as an aborted read, its first anomalous record named where a product owner sees it
        failed.ShouldHaveFailedAs(VerdictCategory.AbortedRead);
        const string first = "p0#3 at tx-0:1 (txn tx-send1#2 (aborted)) read by audit-0";
        failed.Verdict.Measured.Should().Be($"1 messages of 1 aborted transactions read by group \"audit\" (4 read); first: {first}");
        failed.Failure!.Message.Should().StartWith("aborted messages read: ").And.Contain(first);
        s.Scope.Reported.Should().Contain((NoAbortedRead, "measured", failed.Verdict.Measured));

        // Then: the verdicts the report attaches hold it too
        new ScenarioReport(s.Cluster, s.History, s.Producers, s.Consumers, s.Judge, s.Scope).Attach();
        var verdicts = JsonDocument.Parse(s.Scope.Kept.Single(k => k.Name == "verdicts").Content).RootElement;
        var judged = verdicts.GetProperty("judged")[0];
        judged.GetProperty("step").GetString().Should().Be(NoAbortedRead);
        judged.GetProperty("failedAs").GetString().Should().Be("AbortedRead");
        judged.GetProperty("verdict").GetProperty("examples")[0].GetString().Should().Be(first);
    }

    [Fact]
    public void A_clean_history_passes_every_transaction_step()
    {
        var (s, transactions, log) = Scenario();
        var stream = s.History.Ledger.AddProducer("tx-send1", 100, "tx");
        log.AddReader(new TransactionReader("audit", ReadIsolation.ReadCommitted, ["audit-0"], ["tx"]));
        var audit = s.History.Ledger.AddConsumer("audit-0");
        Read(s, audit, Transaction(s, log, stream, 1, 0, TransactionOutcome.Committed));
        Transaction(s, log, stream, 2, 1, TransactionOutcome.Aborted);
        Read(s, audit, Transaction(s, log, stream, 3, 2, TransactionOutcome.Committed));

        s.Step(NoAbortedRead, transactions.NoAbortedRead).ShouldHavePassed(NoAbortedRead);
        s.Step("Then every committed transaction is read whole or not at all", transactions.ReadWholeOrNotAtAll).ShouldHavePassed("Then every committed transaction is read whole or not at all");
        s.Step("Then no committed message is lost", transactions.NoCommittedLost).ShouldHavePassed("Then no committed message is lost");
        s.Step("Then no committed message is written twice", transactions.NoCommittedWrittenTwice).ShouldHavePassed("Then no committed message is written twice");
        s.Step("Then committed messages keep their order in each partition", transactions.CommittedOrderKept).ShouldHavePassed("Then committed messages keep their order in each partition");
    }

    [Fact]
    public void A_committed_transaction_read_in_part_fails_as_transactions_read_in_part_and_the_unread_message_is_named()
    {
        var (s, transactions, log) = Scenario();
        var stream = s.History.Ledger.AddProducer("tx-send1", 100, "tx");
        log.AddReader(new TransactionReader("audit", ReadIsolation.ReadCommitted, ["audit-0"], ["tx"]));
        var audit = s.History.Ledger.AddConsumer("audit-0");
        Read(s, audit, Transaction(s, log, stream, 1, 0, TransactionOutcome.Committed), only: 2);

        var failed = s.Step("Then every committed transaction is read whole or not at all", transactions.ReadWholeOrNotAtAll);

        failed.ShouldHaveFailedAs(VerdictCategory.TransactionReadInPart);
        failed.Verdict.Measured.Should().Contain("first: txn tx-send1#1 (committed): 2 of 3 read by group \"audit\", p0#2 at tx-2:0 not");
        s.Step("Then no committed message is lost", transactions.NoCommittedLost).ShouldHaveFailedAs(VerdictCategory.MessagesLost);
    }

    [Fact]
    public void The_control_passes_when_the_read_uncommitted_group_read_aborted_messages_and_fails_when_it_read_none()
    {
        const string step = "Then group \"raw\" read aborted messages, as read_uncommitted allows";
        var (s, transactions, log) = Scenario();
        var stream = s.History.Ledger.AddProducer("tx-send1", 100, "tx");
        log.AddReader(new TransactionReader("raw", ReadIsolation.ReadUncommitted, ["raw-0"], ["tx"]));
        var raw = s.History.Ledger.AddConsumer("raw-0");
        Read(s, raw, Transaction(s, log, stream, 1, 0, TransactionOutcome.Committed));
        var aborted = Transaction(s, log, stream, 2, 1, TransactionOutcome.Aborted);

        s.Step(step, () => transactions.AbortedReadBy("raw")).ShouldHaveFailedAs(VerdictCategory.CountNotAsExpected);

        Read(s, raw, aborted);
        var passed = s.Step(step, () => transactions.AbortedReadBy("raw"));
        passed.ShouldHavePassed(step);
        passed.Verdict.Measured.Should().StartWith("present, as expected: 3 messages of 1 aborted transactions read by group \"raw\"")
            .And.EndWith("first: p0#3 at tx-0:1 (txn tx-send1#2 (aborted)) read by raw-0");
    }

    [Fact]
    public void A_commit_of_the_old_producer_after_a_takeover_fails_as_producer_not_fenced()
    {
        var (s, transactions, log) = Scenario();
        var old = s.History.Ledger.AddProducer("old", 100, "tx");
        var successor = s.History.Ledger.AddProducer("old-2", 100, "tx");
        log.AddSession("old", old.Id, "old", s.Clock.At(1));
        log.AddSession("old", successor.Id, "old-2", s.Clock.At(2));
        log.Add(new TransactionRecord("old#1", "old", old.Id, old.Topic, 0, 3, TransactionOutcome.Committed, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)));

        var failed = s.Step("Then the producer was fenced 1 time", () => transactions.FencedTimes(1));

        failed.ShouldHaveFailedAs(VerdictCategory.ProducerNotFenced);
        failed.Verdict.Measured.Should().Contain("first: txn old#1 (committed) of p0 (old): commit asked for at +3.000 s, after p1 (old-2) took old at +2.000 s, and it committed");
    }

    private static (LiteralScenario Scenario, ScenarioTransactions Transactions, TransactionLog Log) Scenario()
    {
        var s = new LiteralScenario();
        s.History.Ledger.TopicIndex("tx");
        var log = s.History.Ledger.Transactions;
        log.RecordReads();
        return (s, new ScenarioTransactions(s.Cluster, s.History, s.Producers, s.Consumers, s.Judge, s.Scope), log);
    }

    /// <summary>Transaction <paramref name="number"/> of the stream's next 3 sequences, message i in partition i at offset <paramref name="row"/>.</summary>
    private static TransactionRecord Transaction(LiteralScenario s, TransactionLog log, ProducerRecorder stream, int number, long row, TransactionOutcome outcome)
    {
        var first = stream.SentCount;
        var at = s.Clock.At(number);
        stream.Sent(first, 3, at);
        var sendOutcome = outcome == TransactionOutcome.Committed ? SendOutcome.Ok : SendOutcome.Failed;
        stream.Reported([.. Enumerable.Range(0, 3).Select(i => new Delivery(first + i, sendOutcome, i, row, at))], at);
        var record = new TransactionRecord($"{stream.Name}#{number}", stream.Name, stream.Id, stream.Topic, first, 3, outcome, TimeSpan.FromSeconds(number),
            outcome == TransactionOutcome.Committed ? TimeSpan.FromSeconds(number) : null, TimeSpan.FromSeconds(number), null, [0, 1, 2], [row, row, row]);
        log.Add(record);
        return record;
    }

    private static void Read(LiteralScenario s, ConsumerRecorder consumer, TransactionRecord transaction, int? only = null)
    {
        for (var i = 0; i < (only ?? transaction.Count); i++)
        {
            var payload = PayloadFormat.NewBuffer(100, new PayloadHeader(s.History.Ledger.RunTag, transaction.Producer, transaction.FirstSequence + i, s.Clock.At(5)));
            consumer.Consumed(transaction.Partitions[i], transaction.Offsets[i], payload, s.Clock.At(5), transaction.Topic);
        }
    }
}
