using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Tests;

/// <summary>
/// Writes a history with transactions by hand (the transaction checkers' test fixture): producer streams on named
/// topics, transactions of their next sequences placed partition by partition, reader groups with an isolation level,
/// reads of chosen messages, what a processor wrote for an input, and producer sessions and fencings.
/// </summary>
internal sealed class LiteralTransactions
{
    private readonly Dictionary<string, ConsumerRecorder> _consumers = new(StringComparer.Ordinal);
    private readonly Dictionary<int, long> _next = [];
    private int _transactions;

    public LiteralTransactions(params string[] topics)
    {
        foreach (var topic in topics.Length == 0 ? ["tx"] : topics) Ledger.TopicIndex(topic);
        Log.RecordReads();
    }

    public LiteralHistory History { get; } = new();
    public HistoryLedger Ledger => History.Ledger;
    public TransactionLog Log => Ledger.Transactions;

    public ProducerRecorder Producer(string name, string topic = "tx") => Ledger.AddProducer(name, 100, topic);

    /// <summary>
    /// A transaction of the stream's next <paramref name="count"/> sequences: message i written to partition
    /// i % <paramref name="partitions"/> at offset <paramref name="firstOffset"/> + i / <paramref name="partitions"/>, ended with
    /// <paramref name="outcome"/> at second <paramref name="at"/> (its commit asked for then, unless it was aborted).
    /// </summary>
    public TransactionRecord Transaction(ProducerRecorder stream, int count, TransactionOutcome outcome, int partitions = 1, long firstOffset = 0,
        double at = 1, string transactionalId = "tx", double? commitAt = null)
    {
        var first = _next.GetValueOrDefault(stream.Id);
        _next[stream.Id] = first + count;
        var placed = Enumerable.Range(0, count).Select(i => (Partition: i % partitions, Offset: firstOffset + i / partitions)).ToArray();
        var ticks = History.Clock.At(at);
        stream.Sent(first, count, ticks);
        var sendOutcome = outcome switch { TransactionOutcome.Committed => SendOutcome.Ok, TransactionOutcome.Aborted => SendOutcome.Failed, _ => SendOutcome.Unknown };
        stream.Reported([.. placed.Select((p, i) => new Delivery(first + i, sendOutcome, p.Partition, p.Offset, ticks, false))], ticks);
        var record = new TransactionRecord($"{transactionalId}#{++_transactions}", transactionalId, stream.Id, stream.Topic, first, count, outcome,
            TimeSpan.FromSeconds(at), outcome == TransactionOutcome.Aborted ? null : TimeSpan.FromSeconds(commitAt ?? at), TimeSpan.FromSeconds(at),
            outcome == TransactionOutcome.Committed ? null : "test", [.. placed.Select(p => p.Partition)], [.. placed.Select(p => p.Offset)]);
        Log.Add(record);
        return record;
    }

    /// <summary>Acknowledges sequences [from, to) of a plain (non-transactional) stream into one partition from <paramref name="firstOffset"/>.</summary>
    public LiteralTransactions Acked(ProducerRecorder stream, long from, long to, int partition, long firstOffset, double at = 1)
    {
        var ticks = History.Clock.At(at);
        stream.Sent(from, (int)(to - from), ticks);
        stream.Reported([.. Enumerable.Range(0, (int)(to - from)).Select(i => new Delivery(from + i, SendOutcome.Ok, partition, firstOffset + i, ticks, false))], ticks);
        return this;
    }

    /// <summary>A group of <paramref name="members"/> consumers named group-0 .. group-(N-1), reading <paramref name="topic"/>.</summary>
    public LiteralTransactions Reader(string group, ReadIsolation isolation, int members = 1, string topic = "tx")
    {
        var names = Enumerable.Range(0, members).Select(i => $"{group}-{i}").ToList();
        foreach (var name in names) _consumers[name] = Ledger.AddConsumer(name);
        Log.AddReader(new TransactionReader(group, isolation, names, [topic]));
        return this;
    }

    /// <summary>A consumer reads the transaction's messages where they were written: all, or only the first <paramref name="only"/>.</summary>
    public LiteralTransactions Read(string consumer, TransactionRecord transaction, int? only = null, double at = 2)
    {
        for (var i = 0; i < (only ?? transaction.Count); i++)
            ReadAt(consumer, transaction.Producer, transaction.FirstSequence + i, transaction.Partitions[i], transaction.Offsets[i], Ledger.TopicName(transaction.Topic), at);
        return this;
    }

    /// <summary>A consumer reads one message (stream, sequence) at a chosen place.</summary>
    public LiteralTransactions ReadAt(string consumer, int producer, long sequence, int partition, long offset, string topic = "tx", double at = 2)
    {
        if (!_consumers.TryGetValue(consumer, out var recorder)) _consumers[consumer] = recorder = Ledger.AddConsumer(consumer);
        var payload = PayloadFormat.NewBuffer(100, new PayloadHeader(Ledger.RunTag, producer, sequence, History.Clock.At(at)));
        recorder.Consumed(partition, offset, payload, History.Clock.At(at), Ledger.TopicIndex(topic));
        return this;
    }

    /// <summary>A consumer's offset reset on a partition: about to read <paramref name="from"/>, it next read <paramref name="to"/>.</summary>
    public LiteralTransactions Reset(string consumer, int partition, long from, long to, OffsetResetKind kind, string topic = "tx", double at = 2)
    {
        if (!_consumers.TryGetValue(consumer, out var recorder)) _consumers[consumer] = recorder = Ledger.AddConsumer(consumer);
        recorder.OffsetReset(partition, from, to, kind, "test reset", History.Clock.At(at), Ledger.TopicIndex(topic));
        return this;
    }

    /// <summary>The processor wrote output (stream, sequence) for the input at a place.</summary>
    public LiteralTransactions Transform(int outputProducer, long outputSequence, string inputTopic, int inputPartition, long inputOffset, int inputProducer, long inputSequence)
    {
        Log.AddTransform(new TransformLink(outputProducer, outputSequence, Ledger.TopicIndex(inputTopic), inputPartition, inputOffset, inputProducer, inputSequence));
        return this;
    }

    public LiteralTransactions Session(string transactionalId, ProducerRecorder stream, double at)
    {
        Log.AddSession(transactionalId, stream.Id, stream.Name, History.Clock.At(at));
        return this;
    }

    public LiteralTransactions Fenced(string transactionalId, ProducerRecorder stream, double at)
    {
        Log.AddFencing(transactionalId, stream.Id, stream.Name, "ProducerFenced: test", History.Clock.At(at));
        return this;
    }

    public HistorySnapshot Snapshot(double at = 10) => History.Snapshot(at);
}
