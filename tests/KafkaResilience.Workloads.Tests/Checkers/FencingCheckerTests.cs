using FluentAssertions;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Checkers;

public sealed class FencingCheckerTests
{
    [Fact]
    public void An_old_producer_fenced_once_after_a_new_one_took_its_id_is_valid()
    {
        // Given: zombie took "tx-z" at 1 s and committed at 2 s; successor took it at 3 s; zombie was fenced at 3.5 s
        var h = new LiteralTransactions();
        var zombie = h.Producer("zombie-0");
        var successor = h.Producer("successor-0");
        h.Session("tx-z", zombie, 1).Transaction(zombie, 3, TransactionOutcome.Committed, at: 2, transactionalId: "tx-z");
        h.Session("tx-z", successor, 3).Fenced("tx-z", zombie, 3.5);
        h.Transaction(zombie, 3, TransactionOutcome.Aborted, at: 3.5, transactionalId: "tx-z");

        var v = new FencingChecker(expected: 1).Check(h.Snapshot());

        v.Validity.Should().Be(Validity.Valid);
        v.Numbers["fenced"].Should().Be(1);
        v.Examples.Should().Equal($"p{zombie.Id} (zombie-0) fenced on tx-z at +3.500 s: ProducerFenced: test");
    }

    [Fact]
    public void A_commit_of_the_old_producer_asked_for_after_the_takeover_that_succeeded_is_a_zombie_commit()
    {
        var h = new LiteralTransactions();
        var zombie = h.Producer("zombie-0");
        var successor = h.Producer("successor-0");
        h.Session("tx-z", zombie, 1).Session("tx-z", successor, 3);
        h.Transaction(zombie, 3, TransactionOutcome.Committed, at: 4, transactionalId: "tx-z", commitAt: 3.8);

        var v = new FencingChecker().Check(h.Snapshot());

        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["zombie-commits"].Should().Be(1);
        v.Examples[0].Should().Be($"txn tx-z#1 (committed) of p{zombie.Id} (zombie-0): commit asked for at +3.800 s, after p{successor.Id} (successor-0) took tx-z at +3.000 s, and it committed");
    }

    [Fact]
    public void A_fencing_count_other_than_the_expected_one_fails_and_no_takeover_cannot_be_judged()
    {
        var h = new LiteralTransactions();
        var a = h.Producer("a-0");
        var b = h.Producer("b-0");
        h.Session("tx-z", a, 1).Session("tx-z", b, 2);
        new FencingChecker(expected: 1).Check(h.Snapshot()).Validity.Should().Be(Validity.Invalid, "the old producer was never told it is fenced");

        var alone = new LiteralTransactions();
        alone.Session("tx-z", alone.Producer("a-0"), 1);
        new FencingChecker(expected: 1).Check(alone.Snapshot()).Validity.Should().Be(Validity.Invalid);
        new FencingChecker().Check(alone.Snapshot()).Validity.Should().Be(Validity.Unknown);
    }
}
