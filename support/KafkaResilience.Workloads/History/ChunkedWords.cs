namespace KafkaResilience.Workloads.History;

/// <summary>
/// A growable array of 64-bit words indexed by a non-negative long, allocated chunk by chunk on
/// first touch so a sparse 100M-message ledger costs only what it uses. Reads are lock-free; only
/// growing takes a lock. The bit sets, outcome maps and per-second counters of the ledger sit on it.
/// </summary>
internal sealed class ChunkedWords
{
    private readonly int _chunkLog2;
    private readonly object _grow = new();
    private ulong[]?[] _chunks = new ulong[]?[4];

    /// <param name="chunkLog2">log2 of the words per chunk (e.g. 14 = 16,384 words = 128 KB).</param>
    public ChunkedWords(int chunkLog2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkLog2, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chunkLog2, 24);
        _chunkLog2 = chunkLog2;
    }

    /// <summary>The word at <paramref name="index"/>, its chunk allocated if it was never touched.</summary>
    public ref ulong At(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var chunk = ChunkFor(index >> _chunkLog2);
        return ref chunk[index & ((1L << _chunkLog2) - 1)];
    }

    /// <summary>The word at <paramref name="index"/>; 0 where never touched (or negative).</summary>
    public ulong Read(long index)
    {
        if (index < 0) return 0;
        var chunks = Volatile.Read(ref _chunks);
        var c = index >> _chunkLog2;
        if (c >= chunks.Length || chunks[c] is not { } chunk) return 0;
        return Volatile.Read(ref chunk[index & ((1L << _chunkLog2) - 1)]);
    }

    /// <summary>One past the last word that is not 0.</summary>
    public long Extent()
    {
        var chunks = Volatile.Read(ref _chunks);
        for (var c = chunks.Length - 1; c >= 0; c--)
        {
            if (chunks[c] is not { } chunk) continue;
            for (var i = chunk.Length - 1; i >= 0; i--)
                if (Volatile.Read(ref chunk[i]) != 0) return ((long)c << _chunkLog2) + i + 1;
        }
        return 0;
    }

    /// <summary>Bytes held by the chunk table and the allocated chunks.</summary>
    public long AllocatedBytes
    {
        get
        {
            var chunks = Volatile.Read(ref _chunks);
            long bytes = chunks.Length * 8L;
            foreach (var chunk in chunks)
                if (chunk is not null) bytes += chunk.Length * 8L;
            return bytes;
        }
    }

    private ulong[] ChunkFor(long chunkIndex)
    {
        var chunks = Volatile.Read(ref _chunks);
        if (chunkIndex < chunks.Length && chunks[chunkIndex] is { } existing)
            return existing;
        lock (_grow)
        {
            chunks = _chunks;
            if (chunkIndex >= chunks.Length)
            {
                var bigger = new ulong[]?[Math.Max(chunks.Length * 2, chunkIndex + 1)];
                Array.Copy(chunks, bigger, chunks.Length);
                chunks = bigger;
            }
            var chunk = chunks[chunkIndex] ??= new ulong[1 << _chunkLog2];
            Volatile.Write(ref _chunks, chunks);
            return chunk;
        }
    }
}
