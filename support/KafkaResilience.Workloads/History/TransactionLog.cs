namespace KafkaResilience.Workloads.History;

/// <summary>
/// The transactions of a run beside the ledger's sends and reads, on the same clock and producer ids: every transaction
/// with its outcome, the groups whose reads are judged and every record their members read (kept one by one, which the
/// ledger's bitmaps do not: atomicity and aborted reads are judged per group), what a processor wrote for each input,
/// and which producer instances took a transactional.id or were fenced. Reads are kept only once <see cref="RecordReads"/>
/// was called (a scenario with transactions), so a run without any pays nothing. Workloads write it; checkers read a
/// <see cref="TransactionSnapshot"/>.
/// </summary>
public sealed class TransactionLog
{
    private const int ChunkSize = 1 << 16;
    private readonly object _gate = new();
    private readonly HistoryLedger _ledger;
    private readonly List<TransactionRecord> _transactions = [];
    private readonly List<TransactionReader> _readers = [];
    private readonly List<TransformLink> _transforms = [];
    private readonly List<TransactionalSession> _sessions = [];
    private readonly List<FencingEvent> _fencings = [];
    private readonly Dictionary<string, int> _consumerIndexes = new(StringComparer.Ordinal);
    private readonly List<string> _consumerNames = [];
    private readonly List<TransactionalRead[]> _reads = [];
    private long _readCount;
    private long _committed;
    private long _committedMessages;
    private long _aborted;
    private long _unknown;
    private volatile bool _recordingReads;

    internal TransactionLog(HistoryLedger ledger) => _ledger = ledger;

    /// <summary>True once reads are kept one by one.</summary>
    public bool IsRecordingReads => _recordingReads;

    public long CommittedCount => Interlocked.Read(ref _committed);
    public long CommittedMessages => Interlocked.Read(ref _committedMessages);
    public long AbortedCount => Interlocked.Read(ref _aborted);
    public long UnknownCount => Interlocked.Read(ref _unknown);

    /// <summary>Records read so far while reads are kept.</summary>
    public long ReadCount => Interlocked.Read(ref _readCount);

    /// <summary>From now on, every record a consumer of the ledger reads is kept with who read it and where.</summary>
    public void RecordReads() => _recordingReads = true;

    /// <summary>A group whose reads the transaction checkers judge (its members' recorders must carry <see cref="TransactionReader.Members"/> as names).</summary>
    public void AddReader(TransactionReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        lock (_gate)
        {
            if (_readers.Any(r => r.Group == reader.Group)) throw new InvalidOperationException($"Group \"{reader.Group}\" is already recorded as a reader.");
            _readers.Add(reader);
        }
    }

    /// <summary>A transaction ended (committed, aborted or with its outcome unknown).</summary>
    public void Add(TransactionRecord transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (transaction.Outcome == TransactionOutcome.Pending)
            throw new ArgumentException($"{transaction.Id} has no outcome: record a transaction when it ends.", nameof(transaction));
        lock (_gate) _transactions.Add(transaction);
        switch (transaction.Outcome)
        {
            case TransactionOutcome.Committed:
                Interlocked.Increment(ref _committed);
                Interlocked.Add(ref _committedMessages, transaction.Count);
                break;
            case TransactionOutcome.Aborted: Interlocked.Increment(ref _aborted); break;
            default: Interlocked.Increment(ref _unknown); break;
        }
    }

    public void AddTransform(TransformLink link)
    {
        lock (_gate) _transforms.Add(link);
    }

    /// <summary>A producer instance's InitTransactions returned now.</summary>
    public void AddSession(string transactionalId, int producer, string name, long ticks)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transactionalId);
        lock (_gate) _sessions.Add(new TransactionalSession(transactionalId, producer, name, _ledger.Elapsed(ticks)));
        _ledger.AddEvent(new TimelineEvent(_ledger.Elapsed(ticks), "producer", $"{name} took transactional.id {transactionalId}"));
    }

    /// <summary>A producer instance was told it is fenced.</summary>
    public void AddFencing(string transactionalId, int producer, string name, string error, long ticks)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transactionalId);
        lock (_gate) _fencings.Add(new FencingEvent(transactionalId, producer, name, _ledger.Elapsed(ticks), error));
        _ledger.AddEvent(new TimelineEvent(_ledger.Elapsed(ticks), "producer", $"{name} fenced on transactional.id {transactionalId}: {error}"));
    }

    /// <summary>A consumer read one of this run's records (called by <see cref="ConsumerRecorder"/> while reads are kept).</summary>
    internal void NoteRead(string consumer, int topic, int partition, long offset, int producer, long sequence)
    {
        lock (_gate)
        {
            if (!_consumerIndexes.TryGetValue(consumer, out var index))
            {
                _consumerIndexes[consumer] = index = _consumerNames.Count;
                _consumerNames.Add(consumer);
            }
            var slot = (int)(_readCount % ChunkSize);
            if (slot == 0) _reads.Add(new TransactionalRead[ChunkSize]);
            _reads[^1][slot] = new TransactionalRead(index, topic, partition, offset, producer, sequence);
            _readCount++;
        }
    }

    /// <summary>
    /// Everything recorded so far (the chunks of reads are shared, not copied: they are never written again below the
    /// count). Topic names come from the ledger, which never renames a topic number.
    /// </summary>
    public TransactionSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new TransactionSnapshot([.. _transactions], [.. _readers], [.. _consumerNames], [.. _reads], _readCount,
                [.. _transforms], [.. _sessions], [.. _fencings], _ledger.TopicName);
        }
    }
}
