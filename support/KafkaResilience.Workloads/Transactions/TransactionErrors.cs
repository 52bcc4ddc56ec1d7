using Confluent.Kafka;

namespace KafkaResilience.Workloads.Transactions;

/// <summary>
/// How a transactional client's error is handled, as librdkafka's transactional API asks: abortable (abort, then go on
/// with a new transaction), retriable (call again), fenced (another instance took the transactional.id: this one is
/// dead) or otherwise fatal (the client must be replaced).
/// </summary>
internal static class TransactionErrors
{
    public static bool IsFenced(Error error) =>
        error.Code is ErrorCode.Local_Fenced or ErrorCode.ProducerFenced or ErrorCode.InvalidProducerEpoch;

    public static bool IsFenced(KafkaException e) => IsFenced(e.Error);

    public static bool IsAbortable(KafkaException e) => e is KafkaTxnRequiresAbortException;

    public static bool IsRetriable(KafkaException e) => e is KafkaRetriableException;

    public static bool IsFatal(KafkaException e) => e.Error.IsFatal || e.Error.Code == ErrorCode.Local_Fatal || IsFenced(e);

    /// <summary>"ProducerFenced: ..." as the history keeps it.</summary>
    public static string Describe(KafkaException e) => $"{e.Error.Code}: {e.Error.Reason}";
}
