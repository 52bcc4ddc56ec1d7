using FluentAssertions;
using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.Native;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Native;

public sealed class DeliveryStatusTests
{
    private const int InvalidRecord = 87;

    [Theory]
    [InlineData(0, RdKafka.StatusPersisted, SendOutcome.Ok, false)]
    [InlineData(0, 1, SendOutcome.Ok, true)] // possibly persisted: acks=0
    [InlineData(RdKafka.ErrMsgTimedOut, RdKafka.StatusNotPersisted, SendOutcome.Unknown, false)]
    [InlineData(RdKafka.ErrMsgTimedOut, 1, SendOutcome.Unknown, false)]
    [InlineData(InvalidRecord, RdKafka.StatusNotPersisted, SendOutcome.Failed, false)]
    [InlineData(InvalidRecord, 1, SendOutcome.Unknown, false)]
    [InlineData(RdKafka.ErrPurgeQueue, RdKafka.StatusNotPersisted, SendOutcome.Failed, false)]
    [InlineData(RdKafka.ErrPurgeInflight, 1, SendOutcome.Unknown, false)]
    public void A_report_means_ok_failed_or_unknown_by_its_error_and_persistence_status(int err, int status, SendOutcome expected, bool possiblyPersisted)
    {
        DeliveryStatus.OutcomeOf(err, status).Should().Be((expected, possiblyPersisted));
    }
}
