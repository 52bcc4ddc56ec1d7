using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Consuming;

/// <summary>
/// Finds the offset resets one consumer goes through, from two signals: librdkafka's reset lines (any
/// thread, through <see cref="Noticed"/>) and the offsets the consumer reads (its own thread, through
/// <see cref="Read"/>). A reset ends where the next one began, or at the first record read after it:
/// the records it skipped are [where it was, there). A consumer far behind a short log goes through a
/// chain of them, each landing on an offset already gone. A forward jump with no line, or a first read
/// that lands on the partition's log start, is a reset too; the cached log-start offset tells whether
/// what was skipped was below it. A rebalance ends what the consumer knows of a partition's position.
/// </summary>
internal sealed class OffsetResetWatch
{
    private const int MaxPendingNotices = 10_000;
    private readonly object _gate = new();
    private readonly Dictionary<(string Topic, int Partition), List<(OffsetResetNotice Notice, long Ticks)>> _notices = [];
    private readonly Func<string, int> _topicIndex;
    private long[][] _next = []; // per topic number, per partition: the offset expected next, -1 when not known
    private int _waiting;
    private long _dropped;

    /// <param name="topicIndex">The ledger's number of a topic name (see <see cref="HistoryLedger.TopicIndex"/>).</param>
    public OffsetResetWatch(Func<string, int> topicIndex) => _topicIndex = topicIndex;

    /// <summary>Notices dropped because too many were waiting for a record (partitions never read again).</summary>
    public long DroppedNotices
    {
        get { lock (_gate) return _dropped; }
    }

    /// <summary>librdkafka reported a reset at <paramref name="ticks"/>.</summary>
    public void Noticed(OffsetResetNotice notice, long ticks)
    {
        lock (_gate)
        {
            if (_waiting >= MaxPendingNotices)
            {
                _dropped++;
                return;
            }
            var key = (notice.Topic, notice.Partition);
            if (!_notices.TryGetValue(key, out var chain)) _notices[key] = chain = [];
            chain.Add((notice, ticks));
            _waiting++;
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
    /// A record was read at <paramref name="offset"/> at <paramref name="ticks"/>; returns the resets it
    /// completes, if any. <paramref name="logStart"/> gives the client's cached log-start offset of a topic's
    /// partition (negative when unknown); it is asked only when the offset is not the one expected.
    /// </summary>
    public IReadOnlyList<DetectedReset>? Read(int topic, string topicName, int partition, long offset, long ticks, Func<string, int, long> logStart)
    {
        ref var next = ref Slot(topic, partition);
        var expected = next;
        next = offset + 1;
        // A reset always moves the position (the offset it failed at was out of range), so in-order
        // records need no look at the notices: the hot path stays one comparison.
        if (expected == offset) return null;
        if (Take(topicName, partition) is { } chain)
        {
            var resets = new DetectedReset[chain.Count];
            for (var i = 0; i < chain.Count; i++)
            {
                var (notice, at) = chain[i];
                var from = notice.At ?? (i > 0 ? resets[i - 1].To!.Value : expected >= 0 ? expected : 0);
                var to = i + 1 < chain.Count && chain[i + 1].Notice.At is { } nextAt ? nextAt : offset;
                resets[i] = new DetectedReset(topic, partition, from, to, notice.Kind, $"{notice.Reason} (reset to {notice.Target})", at);
            }
            return resets;
        }
        if (expected >= 0 && offset < expected) return null; // sought back (a repeated pass)
        var start = logStart(topicName, partition);
        if (expected >= 0)
            return
            [
                start >= offset
                    ? new DetectedReset(topic, partition, expected, offset, OffsetResetKind.ToLogStart,
                        $"offsets {expected:N0} to {offset - 1:N0} were below the log-start offset {start:N0} when read (no reset reported)", ticks)
                    : new DetectedReset(topic, partition, expected, offset, OffsetResetKind.Unexplained,
                        $"the offsets read jumped from {expected - 1:N0} to {offset:N0} with no reset reported (log start {(start >= 0 ? start.ToString("N0") : "unknown")})", ticks),
            ];
        // The first record read here since the consumer got the partition: at the log start, what is below was gone.
        return offset > 0 && start >= offset
            ? [new DetectedReset(topic, partition, 0, offset, OffsetResetKind.ToLogStart, $"started reading at the log-start offset {offset:N0}: offsets below it were gone", ticks)]
            : null;
    }

    /// <summary>The resets reported but not followed by any record (the consumer read that partition no more).</summary>
    public IReadOnlyList<DetectedReset> Unfinished()
    {
        lock (_gate)
        {
            var left = new List<DetectedReset>();
            foreach (var chain in _notices.Values)
                for (var i = 0; i < chain.Count; i++)
                {
                    var (notice, at) = chain[i];
                    var to = i + 1 < chain.Count ? chain[i + 1].Notice.At : null;
                    left.Add(new DetectedReset(_topicIndex(notice.Topic), notice.Partition, notice.At ?? 0, to, notice.Kind,
                        $"{notice.Reason} (reset to {notice.Target}{(to is null ? "; nothing read after it" : "")})", at));
                }
            _notices.Clear();
            _waiting = 0;
            return left;
        }
    }

    private List<(OffsetResetNotice Notice, long Ticks)>? Take(string topic, int partition)
    {
        if (Volatile.Read(ref _waiting) == 0) return null;
        lock (_gate)
        {
            if (!_notices.Remove((topic, partition), out var chain)) return null;
            _waiting -= chain.Count;
            return chain;
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
