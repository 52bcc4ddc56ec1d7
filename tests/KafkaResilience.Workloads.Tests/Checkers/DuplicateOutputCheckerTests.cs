using FluentAssertions;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Checkers;

public sealed class DuplicateOutputCheckerTests
{
    /// <summary>
    /// 4 inputs acknowledged at orders-0:0..3; the processor (group "processor") read them and wrote one output each in
    /// a committed transaction on payments-0:0..3; group "audit" read the outputs.
    /// </summary>
    private static (LiteralTransactions History, ProducerRecorder Input, ProducerRecorder Output, TransactionRecord Outputs) Processed()
    {
        var h = new LiteralTransactions("orders", "payments")
            .Reader("processor", ReadIsolation.ReadCommitted, topic: "orders")
            .Reader("audit", ReadIsolation.ReadCommitted, topic: "payments");
        var input = h.Producer("orders-writer", "orders");
        h.Acked(input, 0, 4, partition: 0, firstOffset: 0);
        for (var s = 0; s < 4; s++) h.ReadAt("processor-0", input.Id, s, 0, s, "orders");
        var output = h.Producer("processor-1", "payments");
        var outputs = h.Transaction(output, 4, TransactionOutcome.Committed, transactionalId: "processor");
        for (var s = 0; s < 4; s++) h.Transform(output.Id, s, "orders", 0, s, input.Id, s);
        h.Read("audit-0", outputs);
        return (h, input, output, outputs);
    }

    [Fact]
    public void Every_input_with_exactly_one_output_read_is_valid()
    {
        var (h, _, _, _) = Processed();

        var v = new DuplicateOutputChecker("orders", "audit", "processor").Check(h.Snapshot());

        v.Validity.Should().Be(Validity.Valid);
        v.Summary.Should().Be("4 inputs acknowledged on \"orders\": 4 written exactly once, 0 more than once, 0 never processed, 0 without an output read by group \"audit\"");
    }

    [Fact]
    public void An_input_reprocessed_after_a_restart_is_named_with_its_offset_and_both_outputs_with_their_transactions()
    {
        // Given: a restarted processor read orders-0:2 again and wrote a second output for it, which committed too
        var (h, input, _, _) = Processed();
        var restarted = h.Producer("processor-2", "payments");
        var again = h.Transaction(restarted, 1, TransactionOutcome.Committed, firstOffset: 4, transactionalId: "processor");
        h.Transform(restarted.Id, 0, "orders", 0, 2, input.Id, 2).Read("audit-0", again);

        // When
        var v = new DuplicateOutputChecker("orders", "audit", "processor").Check(h.Snapshot());

        // Then
        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["written-more-than-once"].Should().Be(1);
        v.Examples.Should().Equal("orders-0:2 written 2 times to payments: " +
            "p1#2 at payments-0:2 (txn processor#1 (committed)), p2#0 at payments-0:4 (txn processor#2 (committed))");
    }

    [Fact]
    public void An_input_never_processed_and_one_whose_output_was_never_read_are_both_named()
    {
        // Given: a fifth input the processor never read, and the audit group missed the output of input 3
        var h = new LiteralTransactions("orders", "payments")
            .Reader("processor", ReadIsolation.ReadCommitted, topic: "orders")
            .Reader("audit", ReadIsolation.ReadCommitted, topic: "payments");
        var input = h.Producer("orders-writer", "orders");
        h.Acked(input, 0, 5, partition: 1, firstOffset: 0);
        for (var s = 0; s < 4; s++) h.ReadAt("processor-0", input.Id, s, 1, s, "orders");
        var output = h.Producer("processor-1", "payments");
        var outputs = h.Transaction(output, 4, TransactionOutcome.Committed, transactionalId: "processor");
        for (var s = 0; s < 4; s++) h.Transform(output.Id, s, "orders", 1, s, input.Id, s);
        h.Read("audit-0", outputs, only: 3);

        var v = new DuplicateOutputChecker("orders", "audit", "processor").Check(h.Snapshot());

        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["never-processed"].Should().Be(1);
        v.Numbers["output-not-read"].Should().Be(1);
        v.Examples.Should().Equal("orders-1:3 has no output read by group \"audit\"", "orders-1:4 never read by the processor");
    }

    [Fact]
    public void Without_inputs_exactly_once_cannot_be_judged()
    {
        var h = new LiteralTransactions("orders", "payments").Reader("audit", ReadIsolation.ReadCommitted, topic: "payments");
        new DuplicateOutputChecker("orders", "audit").Check(h.Snapshot()).Validity.Should().Be(Validity.Unknown);
    }
}
