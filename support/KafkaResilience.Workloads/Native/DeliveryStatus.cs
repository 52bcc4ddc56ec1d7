using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Native;

/// <summary>
/// What a librdkafka delivery report means for the history, from its error code and its message's
/// persistence status (<c>rd_kafka_message_status</c>): no error is ok (possibly persisted when the broker
/// did not confirm it, as with acks=0); a timeout is unknown (it never tells whether the broker wrote it);
/// any other error is failed when the message was certainly not persisted, else unknown.
/// </summary>
internal static class DeliveryStatus
{
    public static (SendOutcome Outcome, bool PossiblyPersisted) OutcomeOf(int err, int status) => err switch
    {
        0 => (SendOutcome.Ok, status != RdKafka.StatusPersisted),
        RdKafka.ErrMsgTimedOut => (SendOutcome.Unknown, false),
        _ => (status == RdKafka.StatusNotPersisted ? SendOutcome.Failed : SendOutcome.Unknown, false),
    };
}
