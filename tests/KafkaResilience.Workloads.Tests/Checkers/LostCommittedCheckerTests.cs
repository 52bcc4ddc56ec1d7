using FluentAssertions;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Checkers;

public sealed class LostCommittedCheckerTests
{
    [Fact]
    public void Every_committed_message_read_is_valid_and_aborted_ones_unread_are_not_lost()
    {
        var h = new LiteralTransactions().Reader("audit", ReadIsolation.ReadCommitted);
        var p = h.Producer("send1-0");
        var committed = h.Transaction(p, 4, TransactionOutcome.Committed, partitions: 2);
        h.Transaction(p, 4, TransactionOutcome.Aborted, partitions: 2, firstOffset: 2);
        h.Transaction(p, 4, TransactionOutcome.Unknown, partitions: 2, firstOffset: 4);
        h.Read("audit-0", committed);

        var v = new LostCommittedChecker().Check(h.Snapshot());

        v.Validity.Should().Be(Validity.Valid);
        v.Summary.Should().Be("4 committed messages for group \"audit\", 4 read, 0 lost");
    }

    [Fact]
    public void A_committed_message_a_group_never_read_is_lost_and_named_where_it_was_written()
    {
        // Given: two groups; "raw" (read_uncommitted) missed the last message of the committed transaction
        var h = new LiteralTransactions().Reader("audit", ReadIsolation.ReadCommitted).Reader("raw", ReadIsolation.ReadUncommitted);
        var p = h.Producer("send1-0");
        var t = h.Transaction(p, 4, TransactionOutcome.Committed, partitions: 2, firstOffset: 10);
        h.Read("audit-0", t).Read("raw-0", t, only: 3);

        var v = new LostCommittedChecker().Check(h.Snapshot());

        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["lost"].Should().Be(1);
        v.Examples.Should().Equal($"p{p.Id}#3 (txn tx#1 (committed)) written at tx-1:11, never read by group \"raw\"");
        new LostCommittedChecker(["audit"]).Check(h.Snapshot()).Validity.Should().Be(Validity.Valid);
    }

    [Fact]
    public void Committed_messages_the_target_dropped_before_the_group_got_there_are_counted_apart_and_make_loss_unknown()
    {
        var h = new LiteralTransactions().Reader("audit", ReadIsolation.ReadCommitted);
        var p = h.Producer("send1-0");
        h.Transaction(p, 4, TransactionOutcome.Committed);
        h.Reset("audit-0", 0, from: 0, to: 2, OffsetResetKind.ToLogStart).ReadAt("audit-0", p.Id, 2, 0, 2).ReadAt("audit-0", p.Id, 3, 0, 3);

        var v = new LostCommittedChecker().Check(h.Snapshot());

        v.Validity.Should().Be(Validity.Unknown);
        v.Numbers["lost"].Should().Be(0);
        v.Numbers["below-log-start"].Should().Be(2);
    }

    [Fact]
    public void Without_a_committed_transaction_loss_cannot_be_judged()
    {
        var h = new LiteralTransactions().Reader("audit", ReadIsolation.ReadCommitted);
        h.Transaction(h.Producer("send1-0"), 4, TransactionOutcome.Aborted);
        new LostCommittedChecker().Check(h.Snapshot()).Validity.Should().Be(Validity.Unknown);
    }
}
