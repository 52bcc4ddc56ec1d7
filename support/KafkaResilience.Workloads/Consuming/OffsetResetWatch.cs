using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Consuming;

/// <summary>
/// Finds the offset resets one consumer goes through, from two signals: librdkafka's reset lines (any
/// thread, through <see cref="Noticed"/>) and the offsets the consumer reads (its own thread, through
/// <see cref="Read"/>). A reset is complete at the first record read after it: the records skipped are
/// [where it was, that record). A forward jump with no line, or a first read that lands on the
/// partition's log start, is a reset too; the cached log-start offset tells whether what was skipped
/// was below it. A rebalance ends what the consumer knows of a partition's position.
/// </summary>
internal sealed class OffsetResetWatch
{
    private const int MaxPendingNotices = 10_000;
    private readonly object _gate = new();
    private readonly Dictionary<(string Topic, int Partition), OffsetResetNotice> _notices = [];
    private readonly Func<string, int> _topicIndex;
    private long[][] _next = []; // per topic number, per partition: the offset expected next, -1 when not known
    private volatile int _pending;

    /// <param name="topicIndex">The ledger's number of a topic name (see <see cref="HistoryLedger.TopicIndex"/>).</param>
    public OffsetResetWatch(Func<string, int> topicIndex) => _topicIndex = topicIndex;

    /// <summary>Notices dropped because too many were waiting for a record (partitions never read again).</summary>
    public long DroppedNotices
    {
        get { lock (_gate) return _dropped; }
    }

    private long _dropped;

    /// <summary>librdkafka reported a reset. Chained resets of one partition keep the first position and the last target.</summary>
    public void Noticed(OffsetResetNotice notice)
    {
        lock (_gate)
        {
            var key = (notice.Topic, notice.Partition);
            if (_notices.TryGetValue(key, out var earlier))
                notice = notice with { At = earlier.At ?? notice.At };
            else if (_notices.Count >= MaxPendingNotices)
            {
                _dropped++;
                return;
            }
            _notices[key] = notice;
            _pending = _notices.Count;
        }
    }

    /// <summary>The consumer no longer knows where it is on these partitions (assigned, revoked or lost in a rebalance).</summary>
    public void Forget(IEnumerable<(string Topic, int Partition)> partitions)
    {
        foreach (var (topic, partition) in partitions)
        {
            var t = _topicIndex(topic);
            if (t < _next.Length && partition < _next[t].Length) _next[t][partition] = -1;
        }
    }

    /// <summary>
    /// A record was read at <paramref name="offset"/>; returns the reset it completes, if any.
    /// <paramref name="logStart"/> gives the client's cached log-start offset of a topic's partition (negative
    /// when unknown); it is asked only when the offset is not the one expected.
    /// </summary>
    public DetectedReset? Read(int topic, string topicName, int partition, long offset, Func<string, int, long> logStart)
    {
        ref var next = ref Slot(topic, partition);
        var expected = next;
        next = offset + 1;
        // A reset always moves the position (the offset it failed at was out of range), so in-order
        // records need no look at the notices: the hot path stays one comparison.
        if (expected == offset) return null;
        var notice = Take(topicName, partition);
        if (notice is not null)
        {
            var from = notice.At ?? (expected >= 0 ? expected : 0);
            return new DetectedReset(topic, partition, from, offset, notice.Kind, $"{notice.Reason} (reset to {notice.Target})");
        }
        if (expected >= 0 && offset < expected) return null; // sought back (a repeated pass)
        var start = logStart(topicName, partition);
        if (expected >= 0)
            return start >= offset
                ? new DetectedReset(topic, partition, expected, offset, OffsetResetKind.ToLogStart,
                    $"offsets {expected:N0} to {offset - 1:N0} were below the log-start offset {start:N0} when read (no reset reported)")
                : new DetectedReset(topic, partition, expected, offset, OffsetResetKind.Unexplained,
                    $"the offsets read jumped from {expected - 1:N0} to {offset:N0} with no reset reported (log start {(start >= 0 ? start.ToString("N0") : "unknown")})");
        // The first record read here since the consumer got the partition: at the log start, what is below was gone.
        return offset > 0 && start >= offset
            ? new DetectedReset(topic, partition, 0, offset, OffsetResetKind.ToLogStart,
                $"started reading at the log-start offset {offset:N0}: offsets below it were gone")
            : null;
    }

    /// <summary>The resets reported but not followed by any record (the consumer read that partition no more).</summary>
    public IReadOnlyList<DetectedReset> Unfinished()
    {
        lock (_gate)
        {
            var left = _notices.Values.Select(n => new DetectedReset(_topicIndex(n.Topic), n.Partition, n.At ?? 0, null, n.Kind,
                $"{n.Reason} (reset to {n.Target}; nothing read after it)")).ToList();
            _notices.Clear();
            _pending = 0;
            return left;
        }
    }

    private OffsetResetNotice? Take(string topic, int partition)
    {
        if (_pending == 0) return null;
        lock (_gate)
        {
            if (!_notices.Remove((topic, partition), out var notice)) return null;
            _pending = _notices.Count;
            return notice;
        }
    }

    private ref long Slot(int topic, int partition)
    {
        if (topic >= _next.Length)
        {
            var more = new long[Math.Max(topic + 1, _next.Length * 2)][];
            Array.Copy(_next, more, _next.Length);
            for (var t = _next.Length; t < more.Length; t++) more[t] = [];
            _next = more;
        }
        var partitions = _next[topic];
        if (partition >= partitions.Length)
        {
            var bigger = new long[Math.Max(partition + 1, Math.Max(8, partitions.Length * 2))];
            Array.Fill(bigger, -1);
            Array.Copy(partitions, bigger, partitions.Length);
            _next[topic] = partitions = bigger;
        }
        return ref partitions[partition];
    }
}
