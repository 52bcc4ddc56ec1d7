namespace KafkaResilience.Workloads.History;

/// <summary>
/// What the ledger remembers of one partition: which offsets were read (one bit each, to tell a
/// redelivery from a second write), which offsets producers were acknowledged at (one bit each, to
/// tell why an acknowledged record was never read) and, per producer stream, the last offset and
/// sequence read there (to detect reordering).
/// </summary>
internal sealed class PartitionTrack
{
    private (long Offset, long Sequence)[] _last = new (long, long)[4];

    public PartitionTrack(int partition)
    {
        Partition = partition;
        for (var i = 0; i < _last.Length; i++) _last[i] = (-1, -1);
    }

    public int Partition { get; }

    /// <summary>Offsets read by any consumer.</summary>
    public ChunkedBitSet Offsets { get; } = new();

    /// <summary>Offsets an ok delivery report named. Acknowledged offsets fill up in order, so full chunks are freed.</summary>
    public ChunkedBitSet Acked { get; } = new(freeFullChunks: true);

    public object Gate { get; } = new();

    /// <summary>Last (offset, sequence) of a stream on this partition; call under <see cref="Gate"/>.</summary>
    public ref (long Offset, long Sequence) LastOf(int producerId)
    {
        if (producerId >= _last.Length)
        {
            var bigger = new (long, long)[Math.Max(_last.Length * 2, producerId + 1)];
            Array.Copy(_last, bigger, _last.Length);
            for (var i = _last.Length; i < bigger.Length; i++) bigger[i] = (-1, -1);
            _last = bigger;
        }
        return ref _last[producerId];
    }
}
