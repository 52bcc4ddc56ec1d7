using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// Aborted read (Jepsen's G1a): a read_committed group read a message of a transaction that was aborted. Kafka's
/// read_committed fetch stops at the last stable offset and leaves aborted transactions out, so any such read is an
/// anomaly, named with its transaction, partition and offset. Judges every read_committed group, or the groups named.
/// </summary>
public sealed class AbortedReadChecker : TransactionGroupChecker
{
    public const string CheckerName = "aborted-read";

    public AbortedReadChecker(IReadOnlyList<string>? groups = null, int exampleLimit = 10)
        : base(groups, exampleLimit, ReadIsolation.ReadCommitted, "no read_committed group read anything: aborted reads cannot be judged")
    {
    }

    public override string Name => CheckerName;

    protected override Verdict Judge(HistorySnapshot history, IReadOnlyList<TransactionReader> readers)
    {
        var transactions = history.Transactions;
        long read = 0, abortedRead = 0;
        var abortedSeen = new HashSet<string>(StringComparer.Ordinal);
        var examples = new List<string>();
        foreach (var reader in readers)
        {
            foreach (var r in transactions.ReadsBy(reader))
            {
                read++;
                if (transactions.TransactionOf(r.Producer, r.Sequence) is not { Outcome: TransactionOutcome.Aborted } aborted) continue;
                abortedRead++;
                abortedSeen.Add(aborted.Id);
                if (examples.Count < ExampleLimit) examples.Add(transactions.Describe(r));
            }
        }
        var abortedTransactions = transactions.Transactions.Where(t => t.Outcome == TransactionOutcome.Aborted).ToList();
        var numbers = new Dictionary<string, double>
        {
            ["read"] = read,
            ["aborted-read"] = abortedRead,
            ["aborted-transactions"] = abortedTransactions.Count,
            ["aborted-messages"] = abortedTransactions.Sum(t => (long)t.Count),
            ["aborted-transactions-read"] = abortedSeen.Count,
        };
        var who = TransactionReaders.Named(readers);
        if (read == 0) return Verdict.Unknown(Name, $"{who} read nothing: aborted reads cannot be judged", numbers);
        if (abortedRead > 0)
            return Verdict.Invalid(Name, $"{abortedRead:N0} messages of {abortedSeen.Count:N0} aborted transactions read by {who} ({read:N0} read); first: {examples[0]}", numbers, examples);
        return Verdict.Valid(Name, abortedTransactions.Count == 0
            ? $"{read:N0} read by {who}; no transaction was aborted, so none could be read"
            : $"{read:N0} read by {who}, none of the {abortedTransactions.Sum(t => (long)t.Count):N0} messages of the {abortedTransactions.Count:N0} aborted transactions", numbers);
    }
}
