using HdrHistogram;

namespace KafkaResilience.Workloads.History;

/// <summary>
/// Records one producer stream (one sending thread): each send and how it ended, into the
/// ledger's bitmaps and series and this stream's ack-latency histogram. Sends come from the
/// stream's thread, outcomes from its producer's delivery thread; nothing here takes a lock.
/// </summary>
public sealed class ProducerRecorder
{
    private readonly HistoryLedger _ledger;
    private readonly LongHistogram _ackLatency = LatencyDistribution.NewHistogram();
    private readonly LatencyPerSecond _ackLatencyPerSecond = new();
    private long _sent;
    private long _ok;
    private long _okPossiblyPersisted;
    private long _okWithoutOffset;
    private long _failed;
    private long _unknown;
    private long _repeatedOutcomes;
    private long _firstSendTicks;
    private long _lastSendTicks;
    private long _lastOutcomeTicks;

    internal ProducerRecorder(HistoryLedger ledger, int id, string name, int messageSize, int topic)
    {
        _ledger = ledger;
        Id = id;
        Name = name;
        MessageSize = messageSize;
        Topic = topic;
    }

    /// <summary>The producer id written into this stream's payloads.</summary>
    public int Id { get; }
    public string Name { get; }
    public int MessageSize { get; }

    /// <summary>The ledger's number of the topic this stream writes (<see cref="HistoryLedger.TopicIndex"/>).</summary>
    public int Topic { get; }

    internal ChunkedOutcomeMap Outcomes { get; } = new();
    internal ChunkedBitSet Consumed { get; } = new();
    internal LongHistogram AckLatency => _ackLatency;
    internal LatencyPerSecond AckLatencyPerSecond => _ackLatencyPerSecond;

    public long SentCount => Volatile.Read(ref _sent);
    public long OkCount => Volatile.Read(ref _ok);
    public long FailedCount => Volatile.Read(ref _failed);
    public long UnknownCount => Volatile.Read(ref _unknown);
    public long OkPossiblyPersistedCount => Volatile.Read(ref _okPossiblyPersisted);

    /// <summary>Ok outcomes whose report named no offset (acks=0): the history cannot place them in their partition.</summary>
    public long OkWithoutOffsetCount => Volatile.Read(ref _okWithoutOffset);
    public long RepeatedOutcomeCount => Volatile.Read(ref _repeatedOutcomes);
    internal long FirstSendTicks => Volatile.Read(ref _firstSendTicks);
    internal long LastSendTicks => Volatile.Read(ref _lastSendTicks);
    internal long LastOutcomeTicks => Volatile.Read(ref _lastOutcomeTicks);

    /// <summary>Sequence <paramref name="sequence"/> was handed to the client (the invoke). Sequences of a stream start at 0 and increase by 1.</summary>
    public void Sent(long sequence, long ticks)
    {
        if (_firstSendTicks == 0) Volatile.Write(ref _firstSendTicks, ticks);
        Volatile.Write(ref _lastSendTicks, ticks);
        if (sequence >= _sent) Volatile.Write(ref _sent, sequence + 1);
        _ledger.CountSent(ticks);
    }

    /// <summary>
    /// How the send of <paramref name="sequence"/> ended. For ok, <paramref name="possiblyPersisted"/>
    /// notes a success the broker did not confirm (acks=0). Latency is recorded for ok outcomes, and the
    /// offset an ok outcome names is marked acknowledged in its partition.
    /// </summary>
    public void Outcome(long sequence, SendOutcome outcome, int partition, long offset, long sentTicks, long nowTicks, bool possiblyPersisted = false)
    {
        if (outcome == SendOutcome.Pending)
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "An outcome must be Ok, Failed or Unknown.");
        var previous = Outcomes.Set(sequence, outcome);
        if (previous != SendOutcome.Pending)
        {
            Interlocked.Increment(ref _repeatedOutcomes);
            Uncount(previous);
        }
        Volatile.Write(ref _lastOutcomeTicks, nowTicks);
        switch (outcome)
        {
            case SendOutcome.Ok:
                Interlocked.Increment(ref _ok);
                if (possiblyPersisted) Interlocked.Increment(ref _okPossiblyPersisted);
                var micros = _ledger.Micros(nowTicks - sentTicks);
                LatencyDistribution.Record(_ackLatency, micros);
                _ackLatencyPerSecond.Record(_ledger.Second(nowTicks), micros);
                if (offset < 0 || partition < 0) Interlocked.Increment(ref _okWithoutOffset);
                else if (previous != SendOutcome.Ok) _ledger.CountAckedOffset(Topic, partition, offset);
                break;
            case SendOutcome.Failed:
                Interlocked.Increment(ref _failed);
                break;
            default:
                Interlocked.Increment(ref _unknown);
                break;
        }
        _ledger.CountOutcome(outcome, partition, nowTicks);
    }

    private void Uncount(SendOutcome previous)
    {
        switch (previous)
        {
            case SendOutcome.Ok: Interlocked.Decrement(ref _ok); break;
            case SendOutcome.Failed: Interlocked.Decrement(ref _failed); break;
            case SendOutcome.Unknown: Interlocked.Decrement(ref _unknown); break;
        }
    }
}
