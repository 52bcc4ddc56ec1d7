namespace KafkaResilience.Workloads.History;

/// <summary>Counts per time bucket (lock-free increments), grown in chunks of 4096 buckets.</summary>
internal sealed class BucketCounter
{
    private const int ChunkLog2 = 12;
    private readonly object _grow = new();
    private long[]?[] _chunks = new long[]?[4];

    public void Add(long bucket, long count = 1)
    {
        if (bucket < 0) bucket = 0;
        var chunk = ChunkFor(bucket >> ChunkLog2);
        Interlocked.Add(ref chunk[bucket & ((1 << ChunkLog2) - 1)], count);
    }

    public long Get(long bucket)
    {
        var chunks = Volatile.Read(ref _chunks);
        var c = bucket >> ChunkLog2;
        if (bucket < 0 || c >= chunks.Length || chunks[c] is not { } chunk) return 0;
        return Volatile.Read(ref chunk[bucket & ((1 << ChunkLog2) - 1)]);
    }

    /// <summary>Values of buckets [0, count).</summary>
    public long[] ToArray(long count)
    {
        var values = new long[count];
        for (long i = 0; i < count; i++) values[i] = Get(i);
        return values;
    }

    /// <summary>One past the last bucket that holds a count.</summary>
    public long Extent()
    {
        var chunks = Volatile.Read(ref _chunks);
        for (var c = chunks.Length - 1; c >= 0; c--)
        {
            if (chunks[c] is not { } chunk) continue;
            for (var i = chunk.Length - 1; i >= 0; i--)
                if (Volatile.Read(ref chunk[i]) != 0) return ((long)c << ChunkLog2) + i + 1;
        }
        return 0;
    }

    private long[] ChunkFor(long chunkIndex)
    {
        var chunks = Volatile.Read(ref _chunks);
        if (chunkIndex < chunks.Length && chunks[chunkIndex] is { } existing)
            return existing;
        lock (_grow)
        {
            chunks = _chunks;
            if (chunkIndex >= chunks.Length)
            {
                var bigger = new long[]?[Math.Max(chunks.Length * 2, chunkIndex + 1)];
                Array.Copy(chunks, bigger, chunks.Length);
                chunks = bigger;
            }
            var chunk = chunks[chunkIndex] ??= new long[1 << ChunkLog2];
            Volatile.Write(ref _chunks, chunks);
            return chunk;
        }
    }
}
