using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Transactions;

/// <summary>
/// A transaction being written: the consecutive sequences of its stream handed to the client so far, each message's
/// partition and send time, and the offsets its delivery reports name as they come (on the client's poll thread).
/// When it ends it becomes a <see cref="TransactionRecord"/> in the log, and its messages get their outcome in the
/// ledger: ok when it committed, failed when it was aborted, unknown when its commit call failed.
/// </summary>
internal sealed class OpenTransaction
{
    private readonly ProducerRecorder _stream;
    private readonly int[] _partitions;
    private readonly long[] _offsets;
    private readonly long[] _sentTicks;
    private readonly CountdownEvent _reports = new(1);
    private int _count;
    private bool _sealed;

    public OpenTransaction(string id, string transactionalId, ProducerRecorder stream, long firstSequence, int capacity, TimeSpan beganAt)
    {
        Id = id;
        TransactionalId = transactionalId;
        _stream = stream;
        FirstSequence = firstSequence;
        BeganAt = beganAt;
        _partitions = new int[capacity];
        _offsets = new long[capacity];
        _sentTicks = new long[capacity];
        Array.Fill(_partitions, -1);
        Array.Fill(_offsets, -1L);
    }

    public string Id { get; }
    public string TransactionalId { get; }
    public long FirstSequence { get; }
    public TimeSpan BeganAt { get; }
    public int Count => _count;
    public ProducerRecorder Stream => _stream;

    /// <summary>The next message is handed to the client: its sequence, recorded as sent.</summary>
    public long Add(int partition, long ticks)
    {
        var i = _count++;
        _partitions[i] = partition;
        _sentTicks[i] = ticks;
        _reports.AddCount();
        _stream.Sent(FirstSequence + i, ticks);
        return FirstSequence + i;
    }

    /// <summary>A message the client refused at once (it never will report it).</summary>
    public void Refused(long sequence) => _reports.Signal();

    /// <summary>The delivery report of a message (any thread): where it was written, or -1 when it was not.</summary>
    public void Reported(long sequence, int partition, long offset)
    {
        var i = (int)(sequence - FirstSequence);
        _partitions[i] = partition >= 0 ? partition : _partitions[i];
        Volatile.Write(ref _offsets[i], offset);
        _reports.Signal();
    }

    /// <summary>Waits until every message handed over has its delivery report (false after <paramref name="timeout"/>).</summary>
    public bool WaitReported(TimeSpan timeout)
    {
        if (!_sealed)
        {
            _sealed = true;
            _reports.Signal(); // the count's own 1: no message is added after this
        }
        return _reports.Wait(timeout);
    }

    /// <summary>Ends it: the record goes to the log and the messages get their outcome in the ledger.</summary>
    public TransactionRecord End(TransactionLog log, TransactionOutcome outcome, TimeSpan? commitCalledAt, long endedTicks, HistoryLedger ledger, string? note)
    {
        var offsets = new long[_count];
        for (var i = 0; i < _count; i++) offsets[i] = Volatile.Read(ref _offsets[i]);
        var record = new TransactionRecord(Id, TransactionalId, _stream.Id, _stream.Topic, FirstSequence, _count, outcome, BeganAt, commitCalledAt,
            ledger.Elapsed(endedTicks), note, _partitions[.._count], offsets);
        log.Add(record);
        if (_count > 0)
        {
            var sendOutcome = outcome switch { TransactionOutcome.Committed => SendOutcome.Ok, TransactionOutcome.Aborted => SendOutcome.Failed, _ => SendOutcome.Unknown };
            var deliveries = new Delivery[_count];
            for (var i = 0; i < _count; i++) deliveries[i] = new Delivery(FirstSequence + i, sendOutcome, _partitions[i], offsets[i], _sentTicks[i]);
            _stream.Reported(deliveries, endedTicks);
        }
        // The countdown is not disposed: a report that comes after its wait gave up still signals it, on the client's thread.
        return record;
    }
}
