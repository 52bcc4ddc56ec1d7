using FluentAssertions;
using KafkaResilience.Workloads.Checkers;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Checkers;

public sealed class RecoveryTimeCheckerTests
{
    private static LiteralHistory KillAtTwo()
    {
        var h = new LiteralHistory();
        h.Fault("kill", at: 2);
        h.Ack(0, 0, 1.9, 2.1, partition: 0, offset: 0);   // unaffected partition keeps going
        h.Ack(0, 1, 1.9, 5.0, partition: 2, offset: 0);   // the killed leader's partition resumes at 5 s
        h.Read("c", 0, 0, 0, 0, at: 2.2);
        h.Read("c", 0, 1, 2, 0, at: 6.0);
        return h;
    }

    [Fact]
    public void Recovery_is_measured_from_injection_to_the_first_ack_and_read()
    {
        var v = new RecoveryTimeChecker("kill").Check(KillAtTwo().Snapshot(7));
        v.Validity.Should().Be(Validity.Valid);
        v.Numbers["to-first-ack-seconds"].Should().BeApproximately(0.1, 1e-9);
        v.Numbers["to-first-consume-seconds"].Should().BeApproximately(0.2, 1e-9);
    }

    [Fact]
    public void On_the_affected_partitions_the_slowest_one_counts()
    {
        var v = new RecoveryTimeChecker("kill", maxToFirstAck: TimeSpan.FromSeconds(2), partitions: [2]).Check(KillAtTwo().Snapshot(7));
        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["to-first-ack-seconds"].Should().BeApproximately(3.0, 1e-9);
        v.Numbers["to-first-consume-seconds"].Should().BeApproximately(4.0, 1e-9);
    }

    [Fact]
    public void A_recovery_that_never_came_is_invalid_when_bounded()
    {
        var v = new RecoveryTimeChecker("kill", maxToFirstConsume: TimeSpan.FromSeconds(10), partitions: [1]).Check(KillAtTwo().Snapshot(7));
        v.Validity.Should().Be(Validity.Invalid);
        v.Numbers["to-first-consume-seconds"].Should().Be(-1);
        v.Examples.Should().Contain("no read after the fault");
    }

    [Fact]
    public void A_fault_missing_from_the_timeline_cannot_be_judged()
    {
        new RecoveryTimeChecker("pause").Check(KillAtTwo().Snapshot(7)).Validity.Should().Be(Validity.Unknown);
    }
}
