using FluentAssertions;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Checkers;

public sealed class PartialTransactionCheckerTests
{
    [Fact]
    public void Committed_transactions_read_whole_are_valid()
    {
        var h = new LiteralTransactions().Reader("audit", ReadIsolation.ReadCommitted, members: 3);
        var p = h.Producer("send1-0");
        var first = h.Transaction(p, 9, TransactionOutcome.Committed, partitions: 3);
        var second = h.Transaction(p, 9, TransactionOutcome.Committed, partitions: 3, firstOffset: 3);
        h.Read("audit-0", first).Read("audit-1", second);

        var v = new PartialTransactionChecker().Check(h.Snapshot());

        v.Validity.Should().Be(Validity.Valid);
        v.Numbers["committed-read-whole"].Should().Be(2);
        v.Numbers["read-in-part"].Should().Be(0);
    }

    [Fact]
    public void A_committed_transaction_read_in_part_is_named_with_its_first_unread_message_and_where_it_was_written()
    {
        // Given: a transaction of 9 messages over partitions 0-2; the group read only the first 7 (partition 0 and 1 of the last row not)
        var h = new LiteralTransactions().Reader("audit", ReadIsolation.ReadCommitted);
        var p = h.Producer("send1-0");
        var t = h.Transaction(p, 9, TransactionOutcome.Committed, partitions: 3, firstOffset: 40);
        h.Read("audit-0", t, only: 7);

        // When
        var v = new PartialTransactionChecker().Check(h.Snapshot());

        // Then
        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["read-in-part"].Should().Be(1);
        v.Examples.Should().Equal($"txn tx#1 (committed): 7 of 9 read by group \"audit\", p{p.Id}#7 at tx-1:42 not");
    }

    [Fact]
    public void A_transaction_of_unknown_outcome_may_be_read_whole_or_not_at_all_but_never_in_part()
    {
        var h = new LiteralTransactions().Reader("audit", ReadIsolation.ReadCommitted);
        var p = h.Producer("send1-0");
        var whole = h.Transaction(p, 4, TransactionOutcome.Unknown, partitions: 2);
        h.Transaction(p, 4, TransactionOutcome.Unknown, partitions: 2, firstOffset: 2);
        h.Read("audit-0", whole);
        var passing = new PartialTransactionChecker().Check(h.Snapshot());
        passing.Validity.Should().Be(Validity.Valid);
        passing.Numbers["unknown-read-whole"].Should().Be(1);
        passing.Numbers["unknown-not-read"].Should().Be(1);

        var part = h.Transaction(p, 4, TransactionOutcome.Unknown, partitions: 2, firstOffset: 4);
        h.Read("audit-0", part, only: 1);
        var failing = new PartialTransactionChecker().Check(h.Snapshot());
        failing.Validity.Should().Be(Validity.Invalid);
        failing.Examples.Should().ContainSingle().Which.Should().StartWith("txn tx#3 (unknown): 1 of 4 read");
    }

    [Fact]
    public void Aborted_transactions_and_other_topics_are_not_judged_here()
    {
        var h = new LiteralTransactions("tx", "other").Reader("audit", ReadIsolation.ReadCommitted);
        var p = h.Producer("send1-0");
        var committed = h.Transaction(p, 2, TransactionOutcome.Committed);
        var aborted = h.Transaction(p, 4, TransactionOutcome.Aborted, firstOffset: 2);
        h.Transaction(h.Producer("elsewhere", "other"), 4, TransactionOutcome.Committed);
        h.Read("audit-0", committed).Read("audit-0", aborted, only: 1);

        new PartialTransactionChecker().Check(h.Snapshot()).Validity.Should().Be(Validity.Valid);
    }

    [Fact]
    public void A_part_read_only_where_the_target_dropped_the_rest_cannot_be_judged()
    {
        // Given: the group found offsets 0-1 of partition 0 below the log start, so it read only the message at offset 2
        var h = new LiteralTransactions().Reader("audit", ReadIsolation.ReadCommitted);
        var p = h.Producer("send1-0");
        var t = h.Transaction(p, 3, TransactionOutcome.Committed);
        h.Reset("audit-0", 0, from: 0, to: 2, OffsetResetKind.ToLogStart).ReadAt("audit-0", p.Id, 2, 0, 2);

        var v = new PartialTransactionChecker().Check(h.Snapshot());

        v.Validity.Should().Be(Validity.Unknown);
        v.Numbers["in-part-below-log-start"].Should().Be(1);
        v.Summary.Should().Contain(LossCauses.SkippedByCluster);
        t.Count.Should().Be(3);
    }

    [Fact]
    public void Nothing_read_cannot_be_judged()
    {
        var h = new LiteralTransactions().Reader("audit", ReadIsolation.ReadCommitted);
        h.Transaction(h.Producer("send1-0"), 3, TransactionOutcome.Committed);
        new PartialTransactionChecker().Check(h.Snapshot()).Validity.Should().Be(Validity.Unknown);
    }
}
