namespace KafkaResilience.Workloads.Consuming;

/// <summary>
/// Tells a reader of what a topic holds when it is done, as <c>kcat -C -e</c> stops: each partition is read
/// up to the end offset (high watermark) it had when the reader started, and a partition that held nothing
/// (end at or below its log start) is done at once. A record at the last offset before the end, or the client
/// saying it reached the end at or past it, finishes a partition. Records written after the start are not
/// waited for.
/// </summary>
internal sealed class EndTracker
{
    private readonly Dictionary<int, long> _ends = [];

    /// <param name="watermarks">Per partition, its log-start and end offsets when the reader started.</param>
    public EndTracker(IEnumerable<(int Partition, long Low, long High)> watermarks)
    {
        ArgumentNullException.ThrowIfNull(watermarks);
        foreach (var (partition, low, high) in watermarks)
            if (high > Math.Max(0, low)) _ends[partition] = high;
    }

    /// <summary>Every partition has been read to its end.</summary>
    public bool Done => _ends.Count == 0;

    /// <summary>Partitions still being read.</summary>
    public int Remaining => _ends.Count;

    /// <summary>A record at <paramref name="offset"/> of <paramref name="partition"/> was read; returns <see cref="Done"/>.</summary>
    public bool Read(int partition, long offset)
    {
        if (_ends.TryGetValue(partition, out var end) && offset >= end - 1) _ends.Remove(partition);
        return Done;
    }

    /// <summary>The client reached the end of <paramref name="partition"/>, whose next offset is <paramref name="offset"/>; returns <see cref="Done"/>.</summary>
    public bool EndOfPartition(int partition, long offset)
    {
        if (_ends.TryGetValue(partition, out var end) && offset >= end) _ends.Remove(partition);
        return Done;
    }
}
