using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// Lost committed write: a message of a committed transaction, on a topic the group reads, that the group never read.
/// Either isolation level must read every committed message (read_uncommitted reads the others too). A message at an
/// offset the group's members found below the log start was dropped by the target first: counted apart, never lost,
/// and loss cannot then be judged for it (unknown). Judges every reader group, or the groups named.
/// </summary>
public sealed class LostCommittedChecker : TransactionGroupChecker
{
    public const string CheckerName = "lost-committed";

    public LostCommittedChecker(IReadOnlyList<string>? groups = null, int exampleLimit = 10)
        : base(groups, exampleLimit, null, "no reader group was recorded: loss of committed messages cannot be judged")
    {
    }

    public override string Name => CheckerName;

    protected override Verdict Judge(HistorySnapshot history, IReadOnlyList<TransactionReader> readers)
    {
        var transactions = history.Transactions;
        long committed = 0, lost = 0, below = 0;
        var examples = new List<string>();
        foreach (var reader in readers)
        {
            var read = new HashSet<(int, long)>();
            foreach (var r in transactions.ReadsBy(reader)) read.Add((r.Producer, r.Sequence));
            var isDropped = TransactionReaders.DroppedFor(history, reader);
            foreach (var t in transactions.Transactions)
            {
                if (t.Outcome != TransactionOutcome.Committed || !transactions.ReadsTopic(reader, t.Topic)) continue;
                for (var i = 0; i < t.Count; i++)
                {
                    committed++;
                    var sequence = t.FirstSequence + i;
                    if (read.Contains((t.Producer, sequence))) continue;
                    if (isDropped(transactions.TopicName(t.Topic), t.Partitions[i], t.Offsets[i])) { below++; continue; }
                    lost++;
                    if (examples.Count < ExampleLimit)
                        examples.Add($"p{t.Producer}#{sequence} ({t.Label}) written at {transactions.WhereWritten(t, sequence)}, never read by group \"{reader.Group}\"");
                }
            }
        }
        var numbers = new Dictionary<string, double>
        {
            ["committed-transactions"] = transactions.Transactions.Count(t => t.Outcome == TransactionOutcome.Committed),
            ["committed-messages"] = committed,
            ["lost"] = lost,
            ["below-log-start"] = below,
        };
        var who = TransactionReaders.Named(readers);
        var detail = $"{committed:N0} committed messages for {who}, {committed - lost - below:N0} read, {lost:N0} lost" +
                     (below > 0 ? $"; {below:N0} {LossCauses.SkippedByCluster}" : "");
        if (lost > 0) return Verdict.Invalid(Name, $"{detail}; first: {examples[0]}", numbers, examples);
        if (committed == 0) return Verdict.Unknown(Name, $"no transaction committed on a topic {who} reads: loss cannot be judged", numbers);
        if (below > 0) return Verdict.Unknown(Name, $"loss cannot be judged for committed messages the target dropped before they were read: {detail}", numbers);
        return Verdict.Valid(Name, detail, numbers);
    }
}
