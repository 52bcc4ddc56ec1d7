using FluentAssertions;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Checkers;

public sealed class ExpectedAnomalyCheckerTests
{
    [Fact]
    public void An_expected_anomaly_present_is_valid_with_its_evidence_and_absent_is_invalid()
    {
        var h = new LiteralTransactions().Reader("raw", ReadIsolation.ReadUncommitted);
        var p = h.Producer("send1-0");
        var aborted = h.Transaction(p, 2, TransactionOutcome.Aborted);
        var committed = h.Transaction(p, 2, TransactionOutcome.Committed, firstOffset: 2);
        h.Read("raw-0", committed);
        var control = new ExpectedAnomalyChecker(new AbortedReadChecker(["raw"]));

        var absent = control.Check(h.Snapshot());
        absent.Validity.Should().Be(Validity.Invalid);
        absent.Summary.Should().StartWith("not present, though the scenario expects it: ");

        h.Read("raw-0", aborted);
        var present = control.Check(h.Snapshot());
        present.Validity.Should().Be(Validity.Valid);
        present.Summary.Should().StartWith("present, as expected: 2 messages of 1 aborted transactions read by group \"raw\"");
        present.Examples.Should().HaveCount(2).And.Contain($"p{p.Id}#0 at tx-0:0 (txn tx#1 (aborted)) read by raw-0");
        control.Name.Should().Be("aborted-read (expected)");
    }
}
