using FluentAssertions;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Checkers;

public sealed class DuplicateCommittedCheckerTests
{
    [Fact]
    public void A_committed_message_read_at_two_offsets_was_written_twice_and_both_places_are_named()
    {
        // Given: message 1 of a committed transaction read at its own offset and again at offset 7 (a second copy)
        var h = new LiteralTransactions().Reader("audit", ReadIsolation.ReadCommitted);
        var p = h.Producer("send1-0");
        var t = h.Transaction(p, 3, TransactionOutcome.Committed, firstOffset: 5);
        h.Read("audit-0", t).ReadAt("audit-0", p.Id, 1, 0, 9);

        var v = new DuplicateCommittedChecker().Check(h.Snapshot());

        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["written-twice"].Should().Be(1);
        v.Examples.Should().Equal($"p{p.Id}#1 (txn tx#1 (committed)) read by group \"audit\" at tx-0:6 and tx-0:9");
    }

    [Fact]
    public void The_same_offset_read_again_is_a_redelivery_counted_and_allowed()
    {
        var h = new LiteralTransactions().Reader("audit", ReadIsolation.ReadCommitted, members: 2);
        var p = h.Producer("send1-0");
        var t = h.Transaction(p, 3, TransactionOutcome.Committed);
        h.Read("audit-0", t).Read("audit-1", t, only: 2);

        var v = new DuplicateCommittedChecker().Check(h.Snapshot());

        v.Validity.Should().Be(Validity.Valid);
        v.Numbers["delivered-twice"].Should().Be(2);
    }

    [Fact]
    public void Copies_of_aborted_messages_are_not_committed_duplicates_and_nothing_committed_read_is_unknown()
    {
        var h = new LiteralTransactions().Reader("raw", ReadIsolation.ReadUncommitted);
        var p = h.Producer("send1-0");
        var aborted = h.Transaction(p, 2, TransactionOutcome.Aborted);
        h.Read("raw-0", aborted).ReadAt("raw-0", p.Id, 0, 0, 4);

        new DuplicateCommittedChecker().Check(h.Snapshot()).Validity.Should().Be(Validity.Unknown);
    }
}
