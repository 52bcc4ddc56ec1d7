using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// Order within a partition, for committed messages: among the committed messages of one producer stream that a group
/// read from one partition, a later offset must carry a later sequence. A second copy of a message is a duplicate
/// (<see cref="DuplicateCommittedChecker"/>), not a reorder; messages of aborted and unknown transactions are left out
/// (a read_uncommitted group reads them interleaved). Judges every reader group, or the groups named.
/// </summary>
public sealed class CommittedOrderChecker : TransactionGroupChecker
{
    public const string CheckerName = "committed-order";

    public CommittedOrderChecker(IReadOnlyList<string>? groups = null, int exampleLimit = 10)
        : base(groups, exampleLimit, null, "no reader group was recorded: order cannot be judged")
    {
    }

    public override string Name => CheckerName;

    protected override Verdict Judge(HistorySnapshot history, IReadOnlyList<TransactionReader> readers)
    {
        var transactions = history.Transactions;
        long read = 0, reordered = 0;
        var examples = new List<string>();
        foreach (var reader in readers)
        {
            var byStream = new Dictionary<(int Topic, int Partition, int Producer), SortedDictionary<long, long>>();
            foreach (var r in transactions.ReadsBy(reader))
            {
                if (transactions.TransactionOf(r.Producer, r.Sequence) is not { Outcome: TransactionOutcome.Committed }) continue;
                read++;
                if (!byStream.TryGetValue((r.Topic, r.Partition, r.Producer), out var offsets)) byStream[(r.Topic, r.Partition, r.Producer)] = offsets = [];
                offsets.TryAdd(r.Offset, r.Sequence);
            }
            foreach (var ((topic, partition, producer), offsets) in byStream)
            {
                var seen = new HashSet<long>();
                long lastSequence = -1, lastOffset = -1;
                foreach (var (offset, sequence) in offsets)
                {
                    if (!seen.Add(sequence)) continue;
                    if (sequence < lastSequence)
                    {
                        reordered++;
                        if (examples.Count < ExampleLimit)
                            examples.Add($"p{producer}#{sequence} ({transactions.TransactionOf(producer, sequence)!.Label}) at {transactions.Where(topic, partition, offset)} " +
                                         $"after p{producer}#{lastSequence} at {transactions.Where(topic, partition, lastOffset)}, read by group \"{reader.Group}\"");
                        continue;
                    }
                    (lastSequence, lastOffset) = (sequence, offset);
                }
            }
        }
        var numbers = new Dictionary<string, double> { ["committed-read"] = read, ["reordered"] = reordered };
        var who = TransactionReaders.Named(readers);
        if (reordered > 0)
            return Verdict.Invalid(Name, $"{reordered:N0} committed messages read after a later sequence of their stream in the same partition by {who}; first: {examples[0]}", numbers, examples);
        if (read == 0) return Verdict.Unknown(Name, $"{who} read no committed message: order cannot be judged", numbers);
        return Verdict.Valid(Name, $"order kept for the {read:N0} committed messages {who} read, in every partition", numbers);
    }
}
