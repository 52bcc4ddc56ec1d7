using HdrHistogram;

namespace KafkaResilience.Workloads.History;

/// <summary>
/// Records one consumer (one member of a group, or one manually assigned reader): every record
/// it read, its rebalances and its lifecycle. Used by one consumer thread at a time; a crashed
/// and restarted consumer keeps its recorder, so its counts add up and idle members show 0.
/// </summary>
public sealed class ConsumerRecorder
{
    private readonly HistoryLedger _ledger;
    private readonly LongHistogram _endToEnd = LatencyDistribution.NewHistogram();
    private long _consumed;
    private long _bytes;
    private long _foreign;
    private long _reread;
    private long _firstTicks;
    private long _lastTicks;

    internal ConsumerRecorder(HistoryLedger ledger, string name)
    {
        _ledger = ledger;
        Name = name;
    }

    public string Name { get; }

    public long ConsumedCount => Volatile.Read(ref _consumed);
    public long ConsumedBytes => Volatile.Read(ref _bytes);
    public long ForeignCount => Volatile.Read(ref _foreign);

    /// <summary>Records read again on purpose (the repeated passes of a measured read); included in <see cref="ConsumedCount"/>.</summary>
    public long RereadCount => Volatile.Read(ref _reread);
    internal long FirstTicks => Volatile.Read(ref _firstTicks);
    internal long LastTicks => Volatile.Read(ref _lastTicks);
    internal LongHistogram EndToEnd => _endToEnd;

    /// <summary>
    /// A record was read from <paramref name="partition"/> at <paramref name="offset"/>; <paramref name="topic"/>
    /// is the ledger's <see cref="HistoryLedger.TopicIndex"/> of its topic (0 = the first topic named).
    /// </summary>
    public void Consumed(int partition, long offset, ReadOnlySpan<byte> payload, long nowTicks, int topic = 0)
    {
        var ours = PayloadFormat.TryRead(payload, out var header);
        Consumed(partition, offset, ours, header, payload.Length, nowTicks, topic);
    }

    /// <summary>A record already parsed (by the consumer's deserializer): <paramref name="ours"/> is false when it carried no payload header.</summary>
    public void Consumed(int partition, long offset, bool ours, in PayloadHeader header, int length, long nowTicks, int topic = 0)
    {
        CountRead(length, nowTicks);
        if (!ours || header.RunTag != _ledger.RunTag)
        {
            Volatile.Write(ref _foreign, _foreign + 1);
            _ledger.CountForeign(topic, partition, offset, nowTicks);
            return;
        }
        if (_ledger.RecordConsumed(this, header, topic, partition, offset, nowTicks))
            LatencyDistribution.Record(_endToEnd, _ledger.Micros(nowTicks - header.SentTicks));
        if (_ledger.Transactions.IsRecordingReads) _ledger.Transactions.NoteRead(Name, topic, partition, offset, header.ProducerId, header.Sequence);
    }

    /// <summary>
    /// A record read again on purpose, in a repeated pass over a partition (a measured read that reads
    /// what a topic holds several times): it counts for the consumer's throughput and the per-second
    /// series, not for the delivery checkers (it is no duplicate delivery).
    /// </summary>
    public void Reread(int length, long nowTicks)
    {
        CountRead(length, nowTicks);
        Volatile.Write(ref _reread, _reread + 1);
        _ledger.CountReread(nowTicks);
    }

    /// <summary>What every read record counts for, delivery or re-read: the consumer's count, bytes and first and last read.</summary>
    private void CountRead(int length, long nowTicks)
    {
        if (_firstTicks == 0) Volatile.Write(ref _firstTicks, nowTicks);
        Volatile.Write(ref _lastTicks, nowTicks);
        Volatile.Write(ref _consumed, _consumed + 1);
        Volatile.Write(ref _bytes, _bytes + length);
    }

    /// <summary>Partitions were assigned, revoked or lost.</summary>
    public void Rebalanced(RebalanceKind kind, IReadOnlyList<string> partitions, long ticks) =>
        _ledger.AddRebalance(new RebalanceEvent(_ledger.Elapsed(ticks), Name, kind, partitions));

    /// <summary>
    /// The consumer's position on <paramref name="partition"/> moved by itself: about to read
    /// <paramref name="from"/>, it next read <paramref name="to"/> (null: nothing more), for the reason given.
    /// <paramref name="topic"/> is the ledger's <see cref="HistoryLedger.TopicIndex"/> of the partition's topic.
    /// </summary>
    public void OffsetReset(int partition, long from, long? to, OffsetResetKind kind, string reason, long ticks, int topic = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentNullException.ThrowIfNull(reason);
        var reset = new OffsetReset(_ledger.Elapsed(ticks), Name, _ledger.TopicName(topic), partition, from, to, kind, reason);
        _ledger.AddOffsetReset(topic, reset);
    }

    /// <summary>A lifecycle step (started, crashed, restarted, closed) on the run's timeline.</summary>
    public void Lifecycle(string what, long ticks) =>
        _ledger.AddEvent(new TimelineEvent(_ledger.Elapsed(ticks), "consumer", $"{Name} {what}"));
}
