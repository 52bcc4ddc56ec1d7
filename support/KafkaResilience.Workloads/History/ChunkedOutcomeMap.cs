namespace KafkaResilience.Workloads.History;

/// <summary>
/// Two bits per sequence number holding its <see cref="SendOutcome"/>, in lazily allocated
/// 256 KB chunks (100M sequences take 25 MB). Updates are lock-free compare-and-swap.
/// </summary>
internal sealed class ChunkedOutcomeMap
{
    private const int ChunkEntriesLog2 = 20; // 1,048,576 entries, 32 per word
    private const int WordsPerChunk = (1 << ChunkEntriesLog2) / 32;
    private readonly object _grow = new();
    private ulong[]?[] _chunks = new ulong[]?[4];

    /// <summary>Stores the outcome; returns the outcome that was there before (Pending when none).</summary>
    public SendOutcome Set(long sequence, SendOutcome outcome)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        var chunk = ChunkFor(sequence >> ChunkEntriesLog2);
        var inChunk = sequence & ((1L << ChunkEntriesLog2) - 1);
        var shift = (int)(inChunk & 31) * 2;
        ref var word = ref chunk[inChunk >> 5];
        var bits = (ulong)outcome << shift;
        var mask = 3UL << shift;
        while (true)
        {
            var old = Volatile.Read(ref word);
            var updated = (old & ~mask) | bits;
            if (Interlocked.CompareExchange(ref word, updated, old) == old)
                return (SendOutcome)((old >> shift) & 3);
        }
    }

    public SendOutcome Get(long sequence)
    {
        if (sequence < 0) return SendOutcome.Pending;
        var chunks = Volatile.Read(ref _chunks);
        var c = sequence >> ChunkEntriesLog2;
        if (c >= chunks.Length || chunks[c] is not { } chunk) return SendOutcome.Pending;
        var inChunk = sequence & ((1L << ChunkEntriesLog2) - 1);
        return (SendOutcome)((Volatile.Read(ref chunk[inChunk >> 5]) >> ((int)(inChunk & 31) * 2)) & 3);
    }

    /// <summary>The word holding sequences [wordIndex*32, wordIndex*32+32), two bits each.</summary>
    public ulong Word(long wordIndex)
    {
        var chunks = Volatile.Read(ref _chunks);
        var c = wordIndex / WordsPerChunk;
        if (c >= chunks.Length || chunks[c] is not { } chunk) return 0;
        return Volatile.Read(ref chunk[wordIndex % WordsPerChunk]);
    }

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
