using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// Atomicity: a read_committed group sees each committed transaction whole or not at all, and a transaction whose
/// outcome is unknown (its commit call failed) the same way, as Jepsen judges one: it may be read or not, never in
/// part. Only transactions on topics the group reads count; aborted ones are the <see cref="AbortedReadChecker"/>'s.
/// Records a group's members found below the log start (the target dropped them first) make a part-read unknown,
/// not invalid. Judge after the group caught up: a group still reading sees the newest transactions in part.
/// </summary>
public sealed class PartialTransactionChecker : TransactionGroupChecker
{
    public const string CheckerName = "transaction-atomicity";

    public PartialTransactionChecker(IReadOnlyList<string>? groups = null, int exampleLimit = 10)
        : base(groups, exampleLimit, ReadIsolation.ReadCommitted, "no read_committed group read anything: atomicity cannot be judged")
    {
    }

    public override string Name => CheckerName;

    protected override Verdict Judge(HistorySnapshot history, IReadOnlyList<TransactionReader> readers)
    {
        var transactions = history.Transactions;
        long whole = 0, none = 0, partial = 0, dropped = 0, unknownWhole = 0, unknownNone = 0, read = 0;
        var examples = new List<string>();
        foreach (var reader in readers)
        {
            var seen = new Dictionary<TransactionRecord, bool[]>();
            foreach (var r in transactions.ReadsBy(reader))
            {
                read++;
                if (transactions.TransactionOf(r.Producer, r.Sequence) is not { } t || t.Outcome == TransactionOutcome.Aborted) continue;
                if (!seen.TryGetValue(t, out var marks)) seen[t] = marks = new bool[t.Count];
                marks[r.Sequence - t.FirstSequence] = true;
            }
            var isDropped = TransactionReaders.DroppedFor(history, reader);
            foreach (var t in transactions.Transactions)
            {
                if (t.Outcome == TransactionOutcome.Aborted || !transactions.ReadsTopic(reader, t.Topic)) continue;
                var marks = seen.GetValueOrDefault(t);
                var count = marks?.Count(m => m) ?? 0;
                var unknown = t.Outcome != TransactionOutcome.Committed;
                if (count == t.Count) { if (unknown) unknownWhole++; else whole++; continue; }
                if (count == 0) { if (unknown) unknownNone++; else none++; continue; }
                var unread = Enumerable.Range(0, t.Count).Where(i => !marks![i]).Select(i => t.FirstSequence + i).ToList();
                if (unread.All(s => isDropped(transactions.TopicName(t.Topic), t.Partitions[(int)(s - t.FirstSequence)], t.Offsets[(int)(s - t.FirstSequence)])))
                {
                    dropped++;
                    continue;
                }
                partial++;
                if (examples.Count < ExampleLimit)
                    examples.Add($"{t.Label}: {count:N0} of {t.Count:N0} read by group \"{reader.Group}\", p{t.Producer}#{unread[0]} at {transactions.WhereWritten(t, unread[0])} not");
            }
        }
        var numbers = new Dictionary<string, double>
        {
            ["read"] = read,
            ["committed-read-whole"] = whole,
            ["committed-not-read"] = none,
            ["unknown-read-whole"] = unknownWhole,
            ["unknown-not-read"] = unknownNone,
            ["read-in-part"] = partial,
            ["in-part-below-log-start"] = dropped,
        };
        var who = TransactionReaders.Named(readers);
        var detail = $"{whole:N0} committed transactions read whole by {who}, {none:N0} not at all; of unknown outcome {unknownWhole:N0} whole, {unknownNone:N0} not at all";
        if (read == 0) return Verdict.Unknown(Name, $"{who} read nothing: atomicity cannot be judged", numbers);
        if (partial > 0) return Verdict.Invalid(Name, $"{partial:N0} transactions read in part; first: {examples[0]}; {detail}", numbers, examples);
        if (dropped > 0)
            return Verdict.Unknown(Name, $"{dropped:N0} transactions read in part only where the target had dropped their records ({LossCauses.SkippedByCluster}): atomicity cannot be judged for them; {detail}", numbers);
        if (whole + unknownWhole == 0) return Verdict.Unknown(Name, $"no committed transaction was read whole: atomicity was not exercised; {detail}", numbers);
        return Verdict.Valid(Name, detail + "; none in part", numbers);
    }
}
