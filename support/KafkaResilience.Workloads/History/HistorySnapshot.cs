using System.Numerics;
using HdrHistogram;
using KafkaResilience.Cluster;
using KafkaResilience.Workloads.History.Observations;

namespace KafkaResilience.Workloads.History;

/// <summary>
/// The history of a run as the checkers see it: counts, time series, latency distributions,
/// samples, the fault timeline, rebalances, offset resets and leadership changes, and per-record lookups
/// (outcome and consumed bit of any producer id and sequence; acknowledged and read bits of any
/// partition offset). Taken after the workloads stopped.
/// </summary>
public sealed class HistorySnapshot
{
    private readonly ProducerRecorder[] _producers;
    private readonly IReadOnlyList<(int Topic, OffsetReset Reset)> _resets;
    private readonly IReadOnlyList<(int Topic, PartitionTrack Track)> _tracks;
    private readonly Func<int, string> _topicName;

    internal HistorySnapshot(
        HistoryLedger ledger, TimeSpan duration, ProducerRecorder[] producers, ConsumerRecorder[] consumers,
        TimeSeries sent, TimeSeries acked, TimeSeries failed, TimeSeries unknown, TimeSeries consumed, TimeSeries consumedFirst,
        long writtenTwice, long deliveredTwice, long reordered, long foreign,
        IReadOnlyList<MessageSample> writtenTwiceSamples, IReadOnlyList<MessageSample> deliveredTwiceSamples,
        IReadOnlyList<MessageSample> reorderSamples, IReadOnlyList<FaultMark> faults, IReadOnlyList<TimelineEvent> events,
        IReadOnlyList<RebalanceEvent> rebalances, IReadOnlyList<LeadershipChange> leadershipChanges,
        IReadOnlyList<(int Topic, OffsetReset Reset)> resets, IReadOnlyList<(int Topic, PartitionTrack Track)> tracks, long ackedTwiceAtOffset,
        TransactionSnapshot transactions)
    {
        Transactions = transactions;
        _producers = producers;
        _topicName = ledger.TopicName;
        _resets = resets;
        _tracks = tracks;
        OffsetResets = resets.Select(r => r.Reset).ToArray();
        AckedTwiceAtOffset = ackedTwiceAtOffset;
        OkWithoutOffset = producers.Sum(p => p.OkWithoutOffsetCount);
        Duration = duration;
        OriginWallClock = ledger.OriginWallClock;
        BucketWidth = ledger.BucketWidth;
        Producers = producers.Select(p => new ProducerStreamSummary(
            p.Id, p.Name, p.MessageSize, p.SentCount, p.OkCount, p.FailedCount, p.UnknownCount,
            Math.Max(0, p.SentCount - p.OkCount - p.FailedCount - p.UnknownCount), p.OkPossiblyPersistedCount, p.RepeatedOutcomeCount,
            At(ledger, p.FirstSendTicks), At(ledger, p.LastSendTicks), At(ledger, p.LastOutcomeTicks))).ToArray();
        Consumers = consumers.Select(c => new ConsumerSummary(
            c.Name, c.ConsumedCount, c.ConsumedBytes, c.ForeignCount, At(ledger, c.FirstTicks), At(ledger, c.LastTicks), c.RereadCount)).ToArray();
        Sent = sent; Acked = acked; Failed = failed; Unknown = unknown; Consumed = consumed; ConsumedFirst = consumedFirst;
        WrittenTwice = writtenTwice; DeliveredTwice = deliveredTwice; Reordered = reordered; Foreign = foreign;
        WrittenTwiceSamples = writtenTwiceSamples; DeliveredTwiceSamples = deliveredTwiceSamples; ReorderSamples = reorderSamples;
        Faults = faults; Events = events; Rebalances = rebalances; LeadershipChanges = leadershipChanges;
        AckLatency = Merge("ack latency", producers.Select(p => (HistogramBase)p.AckLatency));
        AckLatencyPerSecond = LatencyPerSecond.Merge(producers.Select(p => p.AckLatencyPerSecond));
        EndToEndLatency = Merge("end-to-end latency", consumers.Select(c => (HistogramBase)c.EndToEnd));
    }

    /// <summary>The groups the scenario started reading, and what each read (a topic, or "prefix*").</summary>
    public IReadOnlyList<ReaderRecord> Readers { get; init; } = [];

    /// <summary>Reads the scenario meant to make and did not (a step skipped, or failed before it read), with why.</summary>
    public IReadOnlyList<WithheldRead> WithheldReads { get; init; } = [];

    /// <summary>The topics the scenario created, in order.</summary>
    public IReadOnlyList<TopicRecord> Topics { get; init; } = [];

    /// <summary>Every reading of a topic's leaders the history holds (before the faults, observed by a Then), in order.</summary>
    public IReadOnlyList<LeadersRecord> Leaders { get; init; } = [];

    /// <summary>The outcome of every judged wait, in order.</summary>
    public IReadOnlyList<WaitRecord> Waits { get; init; } = [];

    /// <summary>The cluster around each fault (before it, in effect, after its heal), in the order taken.</summary>
    public IReadOnlyList<ClusterSnapshot> ClusterSnapshots { get; init; } = [];

    /// <summary>The notes the scenario made besides its faults and workloads, in time order.</summary>
    public IReadOnlyList<TimelineEvent> Notes => [.. Events.Where(e => e.Kind == TimelineEvent.NoteKind)];

    /// <summary>A topic's leaders as they stood before the faults, or null when they were never read before one.</summary>
    public PartitionLeaders? LeadersBeforeFaults(string topic) =>
        Leaders.FirstOrDefault(l => l.Moment == LeadersMoment.BeforeFaults && l.Leaders.Topic == topic)?.Leaders;

    /// <summary>A topic's leaders as a Then last observed them, or null.</summary>
    public PartitionLeaders? LeadersObserved(string topic) =>
        Leaders.LastOrDefault(l => l.Moment == LeadersMoment.Observed && l.Leaders.Topic == topic)?.Leaders;

    /// <summary>The name of the topic a producer stream wrote, or null when it named none.</summary>
    public string? TopicOf(int producerId) =>
        producerId >= 0 && producerId < _producers.Length && _producers[producerId].HasTopicName ? _topicName(_producers[producerId].Topic) : null;

    /// <summary>From the ledger's origin to the snapshot.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The run's transactions and the reads the transaction checkers judge (empty without transactions).</summary>
    public TransactionSnapshot Transactions { get; }

    /// <summary>Ack latency second by second (p50, p99, max), for the latency chart.</summary>
    public IReadOnlyList<LatencyPoint> AckLatencyPerSecond { get; }
    public DateTimeOffset OriginWallClock { get; }
    public TimeSpan BucketWidth { get; }
    public IReadOnlyList<ProducerStreamSummary> Producers { get; }
    public IReadOnlyList<ConsumerSummary> Consumers { get; }
    public TimeSeries Sent { get; }
    /// <summary>Sends that ended ok, by the bucket of their ack.</summary>
    public TimeSeries Acked { get; }
    public TimeSeries Failed { get; }
    public TimeSeries Unknown { get; }
    /// <summary>Every record read, duplicates and foreign records included.</summary>
    public TimeSeries Consumed { get; }
    /// <summary>Records read for the first time.</summary>
    public TimeSeries ConsumedFirst { get; }
    /// <summary>The same producer id and sequence read at a second offset: the producer wrote it twice.</summary>
    public long WrittenTwice { get; }
    /// <summary>The same partition and offset read a second time: the consumer side delivered it twice.</summary>
    public long DeliveredTwice { get; }
    /// <summary>A record at a later offset of a partition carrying an earlier sequence of the same stream.</summary>
    public long Reordered { get; }
    /// <summary>Records read that this run did not write (another run's, another tool's).</summary>
    public long Foreign { get; }
    public IReadOnlyList<MessageSample> WrittenTwiceSamples { get; }
    public IReadOnlyList<MessageSample> DeliveredTwiceSamples { get; }
    public IReadOnlyList<MessageSample> ReorderSamples { get; }
    public IReadOnlyList<FaultMark> Faults { get; }
    public IReadOnlyList<TimelineEvent> Events { get; }
    public IReadOnlyList<RebalanceEvent> Rebalances { get; }
    public IReadOnlyList<LeadershipChange> LeadershipChanges { get; }

    /// <summary>Every offset reset a consumer went through, in time order (the records each skipped, and why).</summary>
    public IReadOnlyList<OffsetReset> OffsetResets { get; }

    /// <summary>Offsets of a partition that two ok delivery reports both named: one record acknowledged where another had been.</summary>
    public long AckedTwiceAtOffset { get; }

    /// <summary>Ok outcomes whose report named no offset (acks=0).</summary>
    public long OkWithoutOffset { get; }
    public LatencyDistribution AckLatency { get; }
    public LatencyDistribution EndToEndLatency { get; }

    public long TotalSent => Producers.Sum(p => p.Sent);
    public long TotalOk => Producers.Sum(p => p.Ok);
    public long TotalFailed => Producers.Sum(p => p.Failed);
    public long TotalUnknown => Producers.Sum(p => p.Unknown);
    public long TotalPending => Producers.Sum(p => p.Pending);
    public long TotalConsumed => Consumers.Sum(c => c.Consumed);

    /// <summary>How the send of a record ended (Pending when it was never reported, or never sent).</summary>
    public SendOutcome OutcomeOf(int producerId, long sequence) =>
        (uint)producerId < (uint)_producers.Length ? _producers[producerId].Outcomes.Get(sequence) : SendOutcome.Pending;

    /// <summary>Whether a record was read at least once.</summary>
    public bool WasConsumed(int producerId, long sequence) =>
        (uint)producerId < (uint)_producers.Length && _producers[producerId].Consumed.Get(sequence);

    /// <summary>Walks every sent record of every stream, 32 at a time, calling <paramref name="visit"/> with (producer, sequence, outcome, consumed) for those <paramref name="interesting"/> says to look at.</summary>
    internal void Scan(Func<SendOutcome, bool, bool> interesting, Action<int, long, SendOutcome, bool> visit)
    {
        foreach (var p in _producers)
        {
            var sent = p.SentCount;
            for (long word = 0; word * 32 < sent; word++)
            {
                var outcomes = p.Outcomes.Word(word);
                var consumed = p.Consumed.Word(word / 2) >> (int)((word & 1) * 32);
                var n = (int)Math.Min(32, sent - word * 32);
                if (n == 32 && outcomes == 0x5555_5555_5555_5555UL && (uint)consumed == uint.MaxValue && !interesting(SendOutcome.Ok, true))
                    continue; // the common case: 32 records acked and read
                for (var i = 0; i < n; i++)
                {
                    var outcome = (SendOutcome)((outcomes >> (i * 2)) & 3);
                    var wasConsumed = ((consumed >> i) & 1) != 0;
                    if (interesting(outcome, wasConsumed)) visit(p.Id, word * 32 + i, outcome, wasConsumed);
                }
            }
        }
    }

    /// <summary>The partitions the history knows (acknowledged at or read from), as (topic number, partition).</summary>
    internal IEnumerable<(int Topic, int Partition)> Partitions => _tracks.Select(t => (t.Topic, t.Track.Partition));

    /// <summary>The offset resets with the number of their topic, for lookups by partition.</summary>
    internal IReadOnlyList<(int Topic, OffsetReset Reset)> NumberedResets => _resets;

    /// <summary>
    /// Offsets in [<paramref name="from"/>, <paramref name="to"/>) of one partition that an ok delivery report
    /// named, and of those, how many no consumer read.
    /// </summary>
    internal (long Acked, long Unread) CountAcked(int topic, int partition, long from = 0, long to = long.MaxValue)
    {
        var track = _tracks.FirstOrDefault(t => t.Topic == topic && t.Track.Partition == partition).Track;
        if (track is null || to <= from) return (0, 0);
        from = Math.Max(0, from);
        var end = Math.Min(to, track.Acked.WordExtent() * 64);
        long acked = 0, unread = 0;
        for (var word = from >> 6; word * 64 < end; word++)
        {
            var bits = track.Acked.Word(word);
            if (bits == 0) continue;
            var lo = word * 64;
            if (lo < from) bits &= ulong.MaxValue << (int)(from - lo);
            if (lo + 64 > end) bits &= ulong.MaxValue >> (int)(lo + 64 - end);
            acked += BitOperations.PopCount(bits);
            unread += BitOperations.PopCount(bits & ~track.Offsets.Word(word));
        }
        return (acked, unread);
    }

    /// <summary>Every offset of one partition that an ok delivery report named, in order (the records a processor had to read).</summary>
    internal IEnumerable<long> AckedOffsets(int topic, int partition)
    {
        var track = _tracks.FirstOrDefault(t => t.Topic == topic && t.Track.Partition == partition).Track;
        if (track is null) yield break;
        var words = track.Acked.WordExtent();
        for (long word = 0; word < words; word++)
        {
            var bits = track.Acked.Word(word);
            while (bits != 0)
            {
                yield return word * 64 + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
            }
        }
    }

    private static LatencyDistribution Merge(string name, IEnumerable<HistogramBase> histograms)
    {
        var merged = LatencyDistribution.NewHistogram();
        foreach (var h in histograms) merged.Add(h);
        return new LatencyDistribution(name, merged);
    }

    private static TimeSpan? At(HistoryLedger ledger, long ticks) => ticks == 0 ? null : ledger.Elapsed(ticks);
}
