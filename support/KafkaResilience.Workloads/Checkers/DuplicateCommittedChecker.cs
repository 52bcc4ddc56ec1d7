using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// Duplicate committed write: a message of a committed transaction that a group read at two offsets (the transaction,
/// or the message, was written twice: what transactions and idempotence exist to prevent). The same offset read twice
/// is a redelivery, counted but allowed. Judges every reader group, or the groups named.
/// </summary>
public sealed class DuplicateCommittedChecker : TransactionGroupChecker
{
    public const string CheckerName = "duplicate-committed";

    public DuplicateCommittedChecker(IReadOnlyList<string>? groups = null, int exampleLimit = 10)
        : base(groups, exampleLimit, null, "no reader group was recorded: duplicates cannot be judged")
    {
    }

    public override string Name => CheckerName;

    protected override Verdict Judge(HistorySnapshot history, IReadOnlyList<TransactionReader> readers)
    {
        var transactions = history.Transactions;
        long read = 0, writtenTwice = 0, deliveredTwice = 0;
        var examples = new List<string>();
        foreach (var reader in readers)
        {
            var places = new Dictionary<(int Producer, long Sequence), List<(int Topic, int Partition, long Offset)>>();
            foreach (var r in transactions.ReadsBy(reader))
            {
                if (transactions.TransactionOf(r.Producer, r.Sequence) is not { Outcome: TransactionOutcome.Committed }) continue;
                read++;
                if (!places.TryGetValue((r.Producer, r.Sequence), out var at)) places[(r.Producer, r.Sequence)] = at = [];
                if (at.Contains((r.Topic, r.Partition, r.Offset))) { deliveredTwice++; continue; }
                at.Add((r.Topic, r.Partition, r.Offset));
                if (at.Count != 2) continue;
                writtenTwice++;
                if (examples.Count < ExampleLimit)
                    examples.Add($"p{r.Producer}#{r.Sequence} ({transactions.TransactionOf(r.Producer, r.Sequence)!.Label}) read by group \"{reader.Group}\" at " +
                                 $"{transactions.Where(at[0].Topic, at[0].Partition, at[0].Offset)} and {transactions.Where(r.Topic, r.Partition, r.Offset)}");
            }
        }
        var numbers = new Dictionary<string, double> { ["committed-read"] = read, ["written-twice"] = writtenTwice, ["delivered-twice"] = deliveredTwice };
        var who = TransactionReaders.Named(readers);
        var detail = $"{read:N0} committed messages read by {who}: {writtenTwice:N0} written twice, {deliveredTwice:N0} delivered twice at the same offset (allowed)";
        if (writtenTwice > 0) return Verdict.Invalid(Name, $"{detail}; first: {examples[0]}", numbers, examples);
        if (read == 0) return Verdict.Unknown(Name, $"{who} read no committed message: duplicates cannot be judged", numbers);
        return Verdict.Valid(Name, detail, numbers);
    }
}
