using FluentAssertions;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Checkers;

public sealed class AbortedReadCheckerTests
{
    [Fact]
    public void A_read_committed_group_that_read_only_committed_messages_is_valid()
    {
        // Given: a committed and an aborted transaction on 3 partitions; group "audit" read only the committed one
        var h = new LiteralTransactions().Reader("audit", ReadIsolation.ReadCommitted);
        var p = h.Producer("send1-0");
        var committed = h.Transaction(p, 6, TransactionOutcome.Committed, partitions: 3);
        h.Transaction(p, 6, TransactionOutcome.Aborted, partitions: 3, firstOffset: 3);
        h.Read("audit-0", committed);

        // When
        var v = new AbortedReadChecker().Check(h.Snapshot());

        // Then
        v.Validity.Should().Be(Validity.Valid);
        v.Numbers["aborted-read"].Should().Be(0);
        v.Numbers["aborted-messages"].Should().Be(6);
        v.Summary.Should().Be("6 read by group \"audit\", none of the 6 messages of the 1 aborted transactions");
    }

    [Fact]
    public void An_aborted_message_read_by_a_read_committed_group_is_named_with_its_transaction_partition_and_offset()
    {
        // Given: the second transaction (aborted) was written at offsets 3-4 of partitions 0-2; audit read one message of it
        var h = new LiteralTransactions().Reader("audit", ReadIsolation.ReadCommitted);
        var p = h.Producer("send1-0");
        var committed = h.Transaction(p, 6, TransactionOutcome.Committed, partitions: 3);
        var aborted = h.Transaction(p, 6, TransactionOutcome.Aborted, partitions: 3, firstOffset: 3);
        h.Read("audit-0", committed).ReadAt("audit-0", p.Id, aborted.FirstSequence + 4, aborted.Partitions[4], aborted.Offsets[4]);

        // When
        var v = new AbortedReadChecker().Check(h.Snapshot());

        // Then
        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["aborted-read"].Should().Be(1);
        v.Examples.Should().Equal($"p{p.Id}#10 at tx-1:4 (txn tx#2 (aborted)) read by audit-0");
        v.Summary.Should().Be($"1 messages of 1 aborted transactions read by group \"audit\" (7 read); first: p{p.Id}#10 at tx-1:4 (txn tx#2 (aborted)) read by audit-0");
    }

    [Fact]
    public void A_read_uncommitted_group_is_not_judged_unless_named()
    {
        var h = new LiteralTransactions().Reader("audit", ReadIsolation.ReadCommitted).Reader("raw", ReadIsolation.ReadUncommitted);
        var p = h.Producer("send1-0");
        var committed = h.Transaction(p, 3, TransactionOutcome.Committed);
        var aborted = h.Transaction(p, 3, TransactionOutcome.Aborted, firstOffset: 3);
        h.Read("audit-0", committed).Read("raw-0", committed).Read("raw-0", aborted);

        new AbortedReadChecker().Check(h.Snapshot()).Validity.Should().Be(Validity.Valid, "read_uncommitted promises nothing about aborted transactions");
        var named = new AbortedReadChecker(["raw"]).Check(h.Snapshot());
        named.Validity.Should().Be(Validity.Invalid);
        named.Numbers["aborted-read"].Should().Be(3);
        named.Numbers["aborted-transactions-read"].Should().Be(1);
    }

    [Fact]
    public void Without_a_read_committed_group_or_any_read_nothing_can_be_judged()
    {
        var none = new LiteralTransactions().Reader("raw", ReadIsolation.ReadUncommitted);
        new AbortedReadChecker().Check(none.Snapshot()).Validity.Should().Be(Validity.Unknown);

        var idle = new LiteralTransactions().Reader("audit", ReadIsolation.ReadCommitted);
        idle.Transaction(idle.Producer("send1-0"), 3, TransactionOutcome.Aborted);
        new AbortedReadChecker().Check(idle.Snapshot()).Validity.Should().Be(Validity.Unknown);

        new AbortedReadChecker(["nobody"]).Check(idle.Snapshot()).Summary.Should().Contain("no group \"nobody\"");
    }
}
