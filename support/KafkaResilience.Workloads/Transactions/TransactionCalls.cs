using Confluent.Kafka;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Transactions;

/// <summary>
/// How a transaction is ended, the same for every transactional workload: a commit asked again while its error is
/// retriable; a commit that fails is of unknown outcome (it may have committed), then aborted if the client still can;
/// an abort leaves the transaction aborted whatever the call says, since it was never asked to commit. Each returns the
/// outcome, when the commit was asked for, why it did not commit, and the fatal error when the client is dead.
/// </summary>
internal static class TransactionCalls
{
    public static (TransactionOutcome Outcome, TimeSpan? CommitCalledAt, string? Note, KafkaException? Fatal) Commit(
        IProducer<Null, byte[]> producer, TimeSpan commitCalledAt, TimeSpan timeout, string what, Action<string>? log)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                producer.CommitTransaction(timeout);
                return (TransactionOutcome.Committed, commitCalledAt, null, null);
            }
            catch (KafkaException e) when (TransactionErrors.IsRetriable(e) && !TransactionErrors.IsFatal(e) && attempt < 3)
            {
                log?.Invoke($"commit of {what} failed ({TransactionErrors.Describe(e)}); asking again");
            }
            catch (KafkaException e)
            {
                var note = "commit failed: " + TransactionErrors.Describe(e);
                if (TransactionErrors.IsFatal(e)) return (TransactionOutcome.Unknown, commitCalledAt, note, e);
                var (_, _, abortNote, fatal) = Abort(producer, note, timeout);
                return (TransactionOutcome.Unknown, commitCalledAt, abortNote, fatal);
            }
        }
    }

    public static (TransactionOutcome Outcome, TimeSpan? CommitCalledAt, string? Note, KafkaException? Fatal) Abort(IProducer<Null, byte[]> producer, string why, TimeSpan timeout)
    {
        try
        {
            producer.AbortTransaction(timeout);
            return (TransactionOutcome.Aborted, null, why, null);
        }
        catch (KafkaException e)
        {
            return (TransactionOutcome.Aborted, null, $"{why}; the abort call failed too: {TransactionErrors.Describe(e)}", e);
        }
    }
}
