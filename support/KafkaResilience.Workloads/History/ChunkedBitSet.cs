namespace KafkaResilience.Workloads.History;

/// <summary>
/// A growable bit set indexed by a non-negative long, allocated in 128 KB chunks on first touch.
/// Setting a bit is lock-free (Interlocked.Or) and reports whether it was already set, which is
/// how the ledger tells a first delivery from a second one without storing ids.
/// </summary>
internal sealed class ChunkedBitSet
{
    internal const int ChunkBitsLog2 = 20; // 1,048,576 bits = 16,384 words = 128 KB per chunk
    private const int WordsPerChunk = (1 << ChunkBitsLog2) / 64;
    private readonly object _grow = new();
    private ulong[]?[] _chunks = new ulong[]?[4];

    /// <summary>Sets bit <paramref name="index"/>; returns true when it was already set.</summary>
    public bool Set(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var chunk = ChunkFor(index >> ChunkBitsLog2);
        var inChunk = index & ((1L << ChunkBitsLog2) - 1);
        var mask = 1UL << (int)(inChunk & 63);
        ref var word = ref chunk[inChunk >> 6];
        if ((Volatile.Read(ref word) & mask) != 0)
            return true;
        return (Interlocked.Or(ref word, mask) & mask) != 0;
    }

    public bool Get(long index)
    {
        if (index < 0) return false;
        var chunks = Volatile.Read(ref _chunks);
        var c = index >> ChunkBitsLog2;
        if (c >= chunks.Length || chunks[c] is not { } chunk) return false;
        var inChunk = index & ((1L << ChunkBitsLog2) - 1);
        return (Volatile.Read(ref chunk[inChunk >> 6]) & (1UL << (int)(inChunk & 63))) != 0;
    }

    /// <summary>64 bits starting at <paramref name="wordIndex"/> * 64 (0 where never touched).</summary>
    public ulong Word(long wordIndex)
    {
        var chunks = Volatile.Read(ref _chunks);
        var c = wordIndex / WordsPerChunk;
        if (c >= chunks.Length || chunks[c] is not { } chunk) return 0;
        return Volatile.Read(ref chunk[wordIndex % WordsPerChunk]);
    }

    /// <summary>Bytes held by allocated chunks.</summary>
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
            var chunk = chunks[chunkIndex] ??= new ulong[WordsPerChunk];
            Volatile.Write(ref _chunks, chunks);
            return chunk;
        }
    }
}
