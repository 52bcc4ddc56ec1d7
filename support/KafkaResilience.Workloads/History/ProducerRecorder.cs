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

    internal ProducerRecorder(HistoryLedger ledger, int id, string name, int messageSize, int topic, bool hasTopicName = false)
    {
        _ledger = ledger;
        Id = id;
        Name = name;
        MessageSize = messageSize;
        Topic = topic;
        HasTopicName = hasTopicName;
    }

    /// <summary>True when the stream was added with the name of the topic it writes.</summary>
    public bool HasTopicName { get; }

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
    public void Sent(long sequence, long ticks) => Sent(sequence, 1, ticks);

    /// <summary>
    /// Sequences <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1 were handed to the
    /// client together at <paramref name="ticks"/> (one batch of sends): one update of the counters for all of them.
    /// </summary>
    public void Sent(long first, int count, long ticks)
    {
        if (count <= 0) return;
        if (_firstSendTicks == 0) Volatile.Write(ref _firstSendTicks, ticks);
        Volatile.Write(ref _lastSendTicks, ticks);
        var end = first + count;
        if (end > _sent) Volatile.Write(ref _sent, end);
        _ledger.CountSent(ticks, count);
    }

    /// <summary>
    /// How the send of <paramref name="sequence"/> ended. For ok, <paramref name="possiblyPersisted"/>
    /// notes a success the broker did not confirm (acks=0). Latency is recorded for ok outcomes, and the
    /// offset an ok outcome names is marked acknowledged in its partition.
    /// </summary>
    public void Outcome(long sequence, SendOutcome outcome, int partition, long offset, long sentTicks, long nowTicks, bool possiblyPersisted = false) =>
        Reported([new Delivery(sequence, outcome, partition, offset, sentTicks, possiblyPersisted)], nowTicks);

    /// <summary>
    /// How a batch of sends ended, all reported at <paramref name="nowTicks"/> (what one poll of the client
    /// returned): each outcome, ok latency and acknowledged offset is recorded as <see cref="Outcome"/> records
    /// one, and the counters move once for the batch. Acknowledged offsets that follow each other in one
    /// partition (a produce request's records) are marked word by word. Throws before recording anything when
    /// an outcome is <see cref="SendOutcome.Pending"/>.
    /// </summary>
    public void Reported(ReadOnlySpan<Delivery> deliveries, long nowTicks)
    {
        foreach (var d in deliveries)
            if (d.Outcome is SendOutcome.Pending || (byte)d.Outcome > (byte)SendOutcome.Unknown)
                throw new ArgumentOutOfRangeException(nameof(deliveries), d.Outcome, $"An outcome must be Ok, Failed or Unknown (sequence {d.Sequence}).");
        long ok = 0, failed = 0, unknown = 0, possibly = 0, withoutOffset = 0;
        // A run of acknowledged offsets following each other in one partition, marked at once.
        int runPartition = -1;
        long runStart = 0, runCount = 0;
        var notedPartition = -1;
        var second = _ledger.Second(nowTicks);
        foreach (var d in deliveries)
        {
            var previous = Outcomes.Set(d.Sequence, d.Outcome);
            if (previous != SendOutcome.Pending)
            {
                Interlocked.Increment(ref _repeatedOutcomes);
                Uncount(previous);
            }
            switch (d.Outcome)
            {
                case SendOutcome.Ok:
                    ok++;
                    if (d.PossiblyPersisted) possibly++;
                    var micros = _ledger.Micros(nowTicks - d.SentTicks);
                    LatencyDistribution.Record(_ackLatency, micros);
                    _ackLatencyPerSecond.Record(second, micros);
                    if (d.Partition != notedPartition)
                    {
                        _ledger.NoteAck(d.Partition, nowTicks);
                        notedPartition = d.Partition;
                    }
                    if (d.Offset < 0 || d.Partition < 0) withoutOffset++;
                    else if (previous != SendOutcome.Ok)
                    {
                        if (d.Partition == runPartition && d.Offset == runStart + runCount) runCount++;
                        else
                        {
                            if (runCount > 0) _ledger.CountAckedOffsets(Topic, runPartition, runStart, runCount);
                            (runPartition, runStart, runCount) = (d.Partition, d.Offset, 1);
                        }
                    }
                    break;
                case SendOutcome.Failed:
                    failed++;
                    break;
                default:
                    unknown++;
                    break;
            }
        }
        if (runCount > 0) _ledger.CountAckedOffsets(Topic, runPartition, runStart, runCount);
        Volatile.Write(ref _lastOutcomeTicks, nowTicks);
        if (ok > 0) Interlocked.Add(ref _ok, ok);
        if (possibly > 0) Interlocked.Add(ref _okPossiblyPersisted, possibly);
        if (withoutOffset > 0) Interlocked.Add(ref _okWithoutOffset, withoutOffset);
        if (failed > 0) Interlocked.Add(ref _failed, failed);
        if (unknown > 0) Interlocked.Add(ref _unknown, unknown);
        _ledger.CountOutcomes(ok, failed, unknown, nowTicks);
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
