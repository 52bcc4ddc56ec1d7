namespace KafkaResilience.Workloads.History;

/// <summary>
/// The transactions of a run as the checkers see them, taken after the workloads stopped: every transaction with its
/// outcome (and, through <see cref="TransactionOf"/>, every message's transaction), the groups whose reads are judged,
/// every read those consumers made, what a processor wrote for each input, the producer sessions of each
/// transactional.id and the fencings they saw.
/// </summary>
public sealed class TransactionSnapshot
{
    private readonly IReadOnlyList<TransactionalRead[]> _chunks;
    private readonly Dictionary<int, TransactionRecord[]> _byProducer;
    private readonly Func<int, string> _topicName;

    internal TransactionSnapshot(IReadOnlyList<TransactionRecord> transactions, IReadOnlyList<TransactionReader> readers, IReadOnlyList<string> consumerNames,
        IReadOnlyList<TransactionalRead[]> chunks, long readCount, IReadOnlyList<TransformLink> transforms, IReadOnlyList<TransactionalSession> sessions,
        IReadOnlyList<FencingEvent> fencings, Func<int, string> topicName)
    {
        Transactions = transactions;
        Readers = readers;
        ConsumerNames = consumerNames;
        _chunks = chunks;
        ReadCount = readCount;
        Transforms = transforms;
        Sessions = sessions;
        Fencings = fencings;
        _topicName = topicName;
        _byProducer = transactions.GroupBy(t => t.Producer).ToDictionary(g => g.Key, g => g.OrderBy(t => t.FirstSequence).ToArray());
    }

    /// <summary>An empty snapshot (a history without transactions).</summary>
    internal static TransactionSnapshot Empty(Func<int, string> topicName) => new([], [], [], [], 0, [], [], [], topicName);

    public IReadOnlyList<TransactionRecord> Transactions { get; }
    public IReadOnlyList<TransactionReader> Readers { get; }

    /// <summary>The consumers that read while reads were kept; <see cref="TransactionalRead.Consumer"/> indexes this list.</summary>
    public IReadOnlyList<string> ConsumerNames { get; }
    public long ReadCount { get; }
    public IReadOnlyList<TransformLink> Transforms { get; }
    public IReadOnlyList<TransactionalSession> Sessions { get; }
    public IReadOnlyList<FencingEvent> Fencings { get; }

    /// <summary>Every kept read, in the order they were recorded.</summary>
    public IEnumerable<TransactionalRead> Reads
    {
        get
        {
            for (long i = 0; i < ReadCount; i++) yield return _chunks[(int)(i >> 16)][i & 0xFFFF];
        }
    }

    /// <summary>The reads of one group's members, in the order they were recorded.</summary>
    public IEnumerable<TransactionalRead> ReadsBy(TransactionReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var members = new HashSet<int>(ConsumerNames.Select((n, i) => (n, i)).Where(c => reader.Members.Contains(c.n)).Select(c => c.i));
        return Reads.Where(r => members.Contains(r.Consumer));
    }

    /// <summary>The readers of one isolation level.</summary>
    public IReadOnlyList<TransactionReader> ReadersOf(ReadIsolation isolation) => [.. Readers.Where(r => r.Isolation == isolation)];

    /// <summary>The transaction a message belongs to, or null when it was written outside any (or its transaction never ended).</summary>
    public TransactionRecord? TransactionOf(int producer, long sequence)
    {
        if (!_byProducer.TryGetValue(producer, out var transactions)) return null;
        int lo = 0, hi = transactions.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var t = transactions[mid];
            if (sequence < t.FirstSequence) hi = mid - 1;
            else if (sequence >= t.FirstSequence + t.Count) lo = mid + 1;
            else return t;
        }
        return null;
    }

    /// <summary>Whether a group reads the topic numbered <paramref name="topic"/>.</summary>
    public bool ReadsTopic(TransactionReader reader, int topic)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Topics.Contains(TopicName(topic));
    }

    public string TopicName(int topic) => _topicName(topic);

    /// <summary>"orders-1:523": a record's place as every verdict names it.</summary>
    public string Where(int topic, int partition, long offset) => offset < 0 ? $"{TopicName(topic)} (no offset reported)" : $"{TopicName(topic)}-{partition}:{offset}";

    /// <summary>"p0#17 at orders-1:523 (txn tx-0#3, committed)": a read as every verdict names it.</summary>
    public string Describe(in TransactionalRead read)
    {
        var transaction = TransactionOf(read.Producer, read.Sequence);
        return $"p{read.Producer}#{read.Sequence} at {Where(read.Topic, read.Partition, read.Offset)}" +
               (transaction is null ? "" : $" ({transaction.Label})") + $" read by {ConsumerNames[read.Consumer]}";
    }

    /// <summary>Where message <paramref name="sequence"/> of a transaction was written, as <see cref="Where"/> says it.</summary>
    public string WhereWritten(TransactionRecord transaction, long sequence)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var i = (int)(sequence - transaction.FirstSequence);
        return Where(transaction.Topic, transaction.Partitions[i], transaction.Offsets[i]);
    }
}
