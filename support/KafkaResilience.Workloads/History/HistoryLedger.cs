using KafkaResilience.Cluster;

namespace KafkaResilience.Workloads.History;

/// <summary>
/// The run's history, kept compact enough for 100M messages: per producer stream a 2-bit outcome
/// map and a consumed bitmap, per partition a consumed-offset bitmap, an acknowledged-offset bitmap
/// and the last sequence read per stream, every offset reset a consumer went through, counters for both kinds of duplicate and for reordering, HdrHistograms for
/// latencies and per-bucket time series. Workloads write to it while they run (lock-free on
/// the hot path); checkers read a <see cref="HistorySnapshot"/> of it afterwards.
/// </summary>
public sealed class HistoryLedger
{
    private readonly object _gate = new();
    private readonly List<ProducerRecorder> _producers = [];
    private readonly List<ConsumerRecorder> _consumers = [];
    private readonly List<TimelineEvent> _events = [];
    private readonly List<RebalanceEvent> _rebalances = [];
    private readonly List<(int Topic, OffsetReset Reset)> _resets = [];
    private readonly List<ReaderRecord> _readers = [];
    private readonly List<WithheldRead> _withheld = [];
    private readonly List<MessageSample> _writtenTwiceSamples = [];
    private readonly List<MessageSample> _deliveredTwiceSamples = [];
    private readonly List<MessageSample> _reorderSamples = [];
    private readonly BucketCounter _sent = new();
    private readonly BucketCounter _acked = new();
    private readonly BucketCounter _failed = new();
    private readonly BucketCounter _unknown = new();
    private readonly BucketCounter _consumed = new();
    private readonly BucketCounter _consumedFirst = new();
    private readonly long _bucketTicks;
    private readonly long _ticksPerSecond; // the clock's frequency, read once (TimeProvider's is a virtual call)
    private readonly int _sampleLimit;
    private ProducerRecorder[] _producerById = [];
    private PartitionTrack?[]?[] _tracks = new PartitionTrack?[]?[4];
    private readonly Dictionary<string, int> _topicIndexes = new(StringComparer.Ordinal);
    private FaultMark[] _faults = [];
    private long _writtenTwice;
    private long _deliveredTwice;
    private long _reordered;
    private long _foreign;
    private long _firstDeliveries;
    private long _ackedTwiceAtOffset;

    public HistoryLedger(LedgerOptions? options = null)
    {
        options ??= new LedgerOptions();
        options.Validate();
        Clock = options.Clock;
        OriginTicks = Clock.GetTimestamp();
        OriginWallClock = Clock.GetUtcNow();
        RunTag = options.RunTag != 0 ? options.RunTag : (ushort)(1 + (OriginWallClock.ToUnixTimeMilliseconds() % 65535));
        BucketWidth = options.BucketWidth;
        _bucketTicks = Math.Max(1, (long)(BucketWidth.TotalSeconds * Clock.TimestampFrequency));
        _ticksPerSecond = Clock.TimestampFrequency;
        _sampleLimit = options.SampleLimit;
        Transactions = new TransactionLog(this);
    }

    public TimeProvider Clock { get; }
    public long OriginTicks { get; }
    public DateTimeOffset OriginWallClock { get; }
    public ushort RunTag { get; }
    public TimeSpan BucketWidth { get; }

    /// <summary>The run's transactions, and, once a scenario has transactions, every read one by one.</summary>
    public TransactionLog Transactions { get; }

    /// <summary>Current clock ticks (the unit every recorder method takes).</summary>
    public long Now() => Clock.GetTimestamp();

    /// <summary>Time since the ledger's origin at <paramref name="ticks"/>.</summary>
    public TimeSpan Elapsed(long ticks) => TimeSpan.FromSeconds((double)(ticks - OriginTicks) / Clock.TimestampFrequency);

    /// <summary>Time since the ledger's origin of a wall-clock instant (e.g. a <see cref="LeadershipChange"/>).</summary>
    public TimeSpan Elapsed(DateTimeOffset at) => at - OriginWallClock;

    /// <summary>
    /// A new producer stream with the next producer id, writing <paramref name="topic"/> (null: the topic
    /// numbered 0, the one a consumer recording without a topic number reads).
    /// </summary>
    public ProducerRecorder AddProducer(string name, int messageSize, string? topic = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var topicIndex = topic is null ? 0 : TopicIndex(topic);
        lock (_gate)
        {
            var recorder = new ProducerRecorder(this, _producers.Count, name, messageSize, topicIndex, topic is not null);
            _producers.Add(recorder);
            Volatile.Write(ref _producerById, [.. _producers]);
            return recorder;
        }
    }

    /// <summary>Records that group <paramref name="group"/> started reading <paramref name="topicReference"/> (a topic, or "prefix*").</summary>
    public void AddReader(string group, string topicReference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        ArgumentException.ThrowIfNullOrWhiteSpace(topicReference);
        lock (_gate) _readers.Add(new ReaderRecord(group, topicReference));
    }

    /// <summary>Records a read the scenario meant to make and did not (its step skipped, or failed before it read).</summary>
    public void WithholdRead(WithheldRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_gate) _withheld.Add(read);
    }

    /// <summary>A new consumer recorder (one per group member or reader).</summary>
    public ConsumerRecorder AddConsumer(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            var recorder = new ConsumerRecorder(this, name);
            _consumers.Add(recorder);
            return recorder;
        }
    }

    /// <summary>Puts a fault on the timeline now; the ledger then notes the first ack and consume after it.</summary>
    public FaultMark BeginFault(string name, string description) => BeginFault(name, description, Now());

    public FaultMark BeginFault(string name, string description, long ticks)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            var mark = new FaultMark(name, description ?? "", ticks, Elapsed);
            Volatile.Write(ref _faults, [.. _faults, mark]);
            _events.Add(new TimelineEvent(Elapsed(ticks), "fault", $"{name} injected: {description}"));
            return mark;
        }
    }

    /// <summary>The fault was healed now.</summary>
    public void EndFault(FaultMark mark) => EndFault(mark, Now());

    public void EndFault(FaultMark mark, long ticks)
    {
        ArgumentNullException.ThrowIfNull(mark);
        mark.Heal(ticks);
        AddEvent(new TimelineEvent(Elapsed(ticks), "heal", $"{mark.Name} healed"));
    }

    /// <summary>Any other event worth placing on the timeline.</summary>
    public void AddEvent(TimelineEvent timelineEvent)
    {
        lock (_gate) _events.Add(timelineEvent);
    }

    internal void AddRebalance(RebalanceEvent rebalance)
    {
        lock (_gate) _rebalances.Add(rebalance);
    }

    internal void AddOffsetReset(int topic, OffsetReset reset)
    {
        lock (_gate)
        {
            _resets.Add((topic, reset));
            _events.Add(new TimelineEvent(reset.At, "consumer", $"{reset.Consumer} offset reset on {reset.Topic}-{reset.Partition} " +
                $"from {reset.From:N0} to {(reset.To is { } to ? to.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "nothing read")} ({reset.Kind}): {reset.Reason}"));
        }
    }

    /// <summary>Offsets two ok delivery reports both named (of one partition): a record acknowledged where another had been.</summary>
    public long AckedTwiceAtOffset => Volatile.Read(ref _ackedTwiceAtOffset);

    /// <summary>Records acked so far and not yet read (clamped at 0): the lag progress lines show.</summary>
    public long Lag
    {
        get
        {
            long ok = 0;
            foreach (var p in Volatile.Read(ref _producerById)) ok += p.OkCount;
            return Math.Max(0, ok - Volatile.Read(ref _firstDeliveries));
        }
    }

    public long OkCount => Volatile.Read(ref _producerById).Sum(p => p.OkCount);
    public long SentCount => Volatile.Read(ref _producerById).Sum(p => p.SentCount);
    public long FailedCount => Volatile.Read(ref _producerById).Sum(p => p.FailedCount);
    public long UnknownCount => Volatile.Read(ref _producerById).Sum(p => p.UnknownCount);
    public long PendingCount => Volatile.Read(ref _producerById).Sum(p => p.SentCount - p.OkCount - p.FailedCount - p.UnknownCount);
    /// <summary>Records of this run read for the first time (each id counted once).</summary>
    public long FirstDeliveries => Volatile.Read(ref _firstDeliveries);
    public long ConsumedCount => ConsumersSnapshot().Sum(c => c.ConsumedCount);

    /// <summary>Records acked ok and not read yet, counted exactly from the bitmaps (a scan: call it seldom).</summary>
    public long CountAckedUnread()
    {
        long unread = 0;
        foreach (var p in Volatile.Read(ref _producerById))
        {
            var sent = p.SentCount;
            for (long word = 0; word * 32 < sent; word++)
            {
                var outcomes = p.Outcomes.Word(word);
                var consumed = (uint)(p.Consumed.Word(word / 2) >> (int)((word & 1) * 32));
                if (consumed == uint.MaxValue) continue;
                for (var i = 0; i < 32; i++)
                    if (((outcomes >> (i * 2)) & 3) == (ulong)SendOutcome.Ok && ((consumed >> i) & 1) == 0) unread++;
            }
        }
        return unread;
    }

    /// <summary>Bytes held by the bitmaps and counters (the part that grows with the message count).</summary>
    public long TrackedBytes
    {
        get
        {
            long bytes = 0;
            foreach (var p in Volatile.Read(ref _producerById))
                bytes += p.Outcomes.AllocatedBytes + p.Consumed.AllocatedBytes;
            foreach (var topic in Volatile.Read(ref _tracks))
                foreach (var t in topic ?? [])
                    if (t is not null) bytes += t.Offsets.AllocatedBytes + t.Acked.AllocatedBytes;
            return bytes;
        }
    }

    /// <summary>
    /// An immutable view for the checkers, taken after the workloads stopped (bitmaps are shared,
    /// not copied). <paramref name="leadershipChanges"/> comes from <see cref="IClusterAdmin.LeadershipChanges"/>.
    /// </summary>
    public HistorySnapshot Snapshot(IReadOnlyList<LeadershipChange>? leadershipChanges = null)
    {
        lock (_gate)
        {
            var end = Now();
            var extent = new[] { _sent, _acked, _failed, _unknown, _consumed, _consumedFirst }.Max(c => c.Extent());
            extent = Math.Max(extent, Bucket(end) + 1);
            TimeSeries Series(string name, BucketCounter c) => new(name, BucketWidth, c.ToArray(extent));
            return new HistorySnapshot(
                this,
                Elapsed(end),
                [.. _producers],
                [.. _consumers],
                Series("sent", _sent), Series("acked", _acked), Series("failed", _failed), Series("unknown", _unknown),
                Series("consumed", _consumed), Series("consumed-first", _consumedFirst),
                Volatile.Read(ref _writtenTwice), Volatile.Read(ref _deliveredTwice), Volatile.Read(ref _reordered),
                Volatile.Read(ref _foreign),
                [.. _writtenTwiceSamples], [.. _deliveredTwiceSamples], [.. _reorderSamples],
                [.. _faults], [.. _events.OrderBy(e => e.At)], [.. _rebalances.OrderBy(r => r.At)],
                leadershipChanges ?? [],
                [.. _resets.OrderBy(r => r.Reset.At)], Tracks(), Volatile.Read(ref _ackedTwiceAtOffset), Transactions.Snapshot())
            {
                Readers = [.. _readers],
                WithheldReads = [.. _withheld],
            };
        }
    }

    internal ConsumerRecorder[] ConsumersSnapshot()
    {
        lock (_gate) return [.. _consumers];
    }

    internal long Micros(long ticks) => (long)(ticks * 1_000_000.0 / _ticksPerSecond);

    internal long Bucket(long ticks) => Math.Max(0, (ticks - OriginTicks) / _bucketTicks);

    internal void CountSent(long ticks, long count = 1) => _sent.Add(Bucket(ticks), count);

    internal long Second(long ticks) => (ticks - OriginTicks) / _ticksPerSecond;

    /// <summary>Outcomes reported together at <paramref name="ticks"/>, counted in that instant's bucket.</summary>
    internal void CountOutcomes(long ok, long failed, long unknown, long ticks)
    {
        var bucket = Bucket(ticks);
        if (ok > 0) _acked.Add(bucket, ok);
        if (failed > 0) _failed.Add(bucket, failed);
        if (unknown > 0) _unknown.Add(bucket, unknown);
    }

    /// <summary>An ack on <paramref name="partition"/> at <paramref name="ticks"/>: each active fault notes its first one.</summary>
    internal void NoteAck(int partition, long ticks)
    {
        foreach (var f in Volatile.Read(ref _faults)) f.NoteAck(partition, ticks);
    }

    internal void CountReread(long ticks) => _consumed.Add(Bucket(ticks));

    /// <summary>
    /// The number the ledger tracks a topic's partitions under (offsets of partition 0 of two topics are
    /// different records). Consumers ask once per topic name and pass it with each record.
    /// </summary>
    public int TopicIndex(string topic)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        lock (_gate)
        {
            if (!_topicIndexes.TryGetValue(topic, out var index))
                _topicIndexes[topic] = index = _topicIndexes.Count;
            return index;
        }
    }

    /// <summary>The name behind a topic number ("topic #n" for a number no name was given for, such as 0 in a hand-written history).</summary>
    public string TopicName(int topic)
    {
        lock (_gate)
            foreach (var (name, index) in _topicIndexes)
                if (index == topic) return name;
        return $"topic #{topic}";
    }

    /// <summary>Ok delivery reports named offsets <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1 of a partition.</summary>
    internal void CountAckedOffsets(int topic, int partition, long first, long count)
    {
        var twice = Track(topic, partition).Acked.SetRange(first, count);
        if (twice > 0) Interlocked.Add(ref _ackedTwiceAtOffset, twice);
    }

    /// <summary>Every partition tracked so far, with its topic number.</summary>
    private List<(int Topic, PartitionTrack Track)> Tracks()
    {
        var tracks = new List<(int, PartitionTrack)>();
        var byTopic = Volatile.Read(ref _tracks);
        for (var topic = 0; topic < byTopic.Length; topic++)
            foreach (var track in byTopic[topic] ?? [])
                if (track is not null) tracks.Add((topic, track));
        return tracks;
    }

    internal void CountForeign(int topic, int partition, long offset, long ticks)
    {
        Interlocked.Increment(ref _foreign);
        _consumed.Add(Bucket(ticks));
        if (offset >= 0) Track(topic, partition).Offsets.Set(offset);
    }

    /// <summary>Returns true when this was the record's first delivery.</summary>
    internal bool RecordConsumed(ConsumerRecorder consumer, in PayloadHeader header, int topic, int partition, long offset, long ticks)
    {
        var bucket = Bucket(ticks);
        _consumed.Add(bucket);
        foreach (var f in Volatile.Read(ref _faults)) f.NoteConsume(partition, ticks);
        var track = Track(topic, partition);
        var offsetSeen = offset >= 0 && track.Offsets.Set(offset);
        var producers = Volatile.Read(ref _producerById);
        if ((uint)header.ProducerId >= (uint)producers.Length || header.Sequence < 0)
        {
            Interlocked.Increment(ref _foreign);
            return false;
        }
        var idSeen = producers[header.ProducerId].Consumed.Set(header.Sequence);
        if (offsetSeen)
        {
            Interlocked.Increment(ref _deliveredTwice);
            Sample(_deliveredTwiceSamples, header, partition, offset, $"read again by {consumer.Name}");
        }
        else if (idSeen)
        {
            Interlocked.Increment(ref _writtenTwice);
            Sample(_writtenTwiceSamples, header, partition, offset, $"second copy, read by {consumer.Name}");
        }
        else
        {
            Interlocked.Increment(ref _firstDeliveries);
            _consumedFirst.Add(bucket);
        }

        lock (track.Gate)
        {
            ref var last = ref track.LastOf(header.ProducerId);
            if (offset > last.Offset)
            {
                if (!idSeen)
                {
                    if (header.Sequence < last.Sequence)
                    {
                        Interlocked.Increment(ref _reordered);
                        Sample(_reorderSamples, header, partition, offset, $"after sequence {last.Sequence}");
                    }
                    else last.Sequence = header.Sequence;
                }
                last.Offset = offset;
            }
            else
            {
                // A re-read from an earlier offset (rebalance, restart): compare from here on.
                last = (offset, header.Sequence);
            }
        }
        return !offsetSeen && !idSeen;
    }

    private void Sample(List<MessageSample> samples, in PayloadHeader header, int partition, long offset, string note)
    {
        if (Volatile.Read(ref _sampleCount) >= _sampleLimit * 3) return;
        lock (_gate)
        {
            if (samples.Count >= _sampleLimit) return;
            samples.Add(new MessageSample(header.ProducerId, header.Sequence, partition, offset, note));
            _sampleCount++;
        }
    }

    private int _sampleCount;

    private PartitionTrack Track(int topic, int partition)
    {
        var byTopic = Volatile.Read(ref _tracks);
        if ((uint)topic < (uint)byTopic.Length && byTopic[topic] is { } known && (uint)partition < (uint)known.Length && known[partition] is { } t) return t;
        ArgumentOutOfRangeException.ThrowIfNegative(topic);
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        lock (_gate)
        {
            byTopic = _tracks;
            if (topic >= byTopic.Length)
            {
                var more = new PartitionTrack?[]?[Math.Max(byTopic.Length * 2, topic + 1)];
                Array.Copy(byTopic, more, byTopic.Length);
                byTopic = more;
            }
            var tracks = byTopic[topic] ?? new PartitionTrack?[16];
            if (partition >= tracks.Length)
            {
                var bigger = new PartitionTrack?[Math.Max(tracks.Length * 2, partition + 1)];
                Array.Copy(tracks, bigger, tracks.Length);
                tracks = bigger;
            }
            var track = tracks[partition] ??= new PartitionTrack(partition);
            byTopic[topic] = tracks;
            Volatile.Write(ref _tracks, byTopic);
            return track;
        }
    }
}
