using FluentAssertions;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Checkers;

public sealed class CommittedOrderCheckerTests
{
    [Fact]
    public void Committed_messages_interleaved_with_aborted_ones_in_send_order_are_valid()
    {
        var h = new LiteralTransactions().Reader("raw", ReadIsolation.ReadUncommitted);
        var p = h.Producer("send1-0");
        var first = h.Transaction(p, 2, TransactionOutcome.Committed);
        var aborted = h.Transaction(p, 2, TransactionOutcome.Aborted, firstOffset: 2);
        var third = h.Transaction(p, 2, TransactionOutcome.Committed, firstOffset: 4);
        h.Read("raw-0", first).Read("raw-0", aborted).Read("raw-0", third);

        var v = new CommittedOrderChecker().Check(h.Snapshot());

        v.Validity.Should().Be(Validity.Valid);
        v.Numbers["committed-read"].Should().Be(4);
    }

    [Fact]
    public void A_later_offset_with_an_earlier_committed_sequence_is_a_reorder_named_with_both_places()
    {
        // Given: sequences 0, 1, 2 of one committed transaction found at offsets 10, 12, 11
        var h = new LiteralTransactions().Reader("audit", ReadIsolation.ReadCommitted);
        var p = h.Producer("send1-0");
        h.Transaction(p, 3, TransactionOutcome.Committed, firstOffset: 10);
        h.ReadAt("audit-0", p.Id, 0, 0, 10).ReadAt("audit-0", p.Id, 2, 0, 11).ReadAt("audit-0", p.Id, 1, 0, 12);

        var v = new CommittedOrderChecker().Check(h.Snapshot());

        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["reordered"].Should().Be(1);
        v.Examples.Should().Equal($"p{p.Id}#1 (txn tx#1 (committed)) at tx-0:12 after p{p.Id}#2 at tx-0:11, read by group \"audit\"");
    }

    [Fact]
    public void Streams_and_partitions_are_judged_each_on_their_own()
    {
        var h = new LiteralTransactions().Reader("audit", ReadIsolation.ReadCommitted);
        var a = h.Producer("send1-0");
        var b = h.Producer("send1-1");
        var ta = h.Transaction(a, 4, TransactionOutcome.Committed, partitions: 2);
        var tb = h.Transaction(b, 4, TransactionOutcome.Committed, partitions: 2, firstOffset: 2);
        h.Read("audit-0", tb).Read("audit-0", ta);

        new CommittedOrderChecker().Check(h.Snapshot()).Validity.Should().Be(Validity.Valid);
    }
}
