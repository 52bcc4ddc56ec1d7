namespace KafkaResilience.Workloads.History;

/// <summary>
/// A growable array of 64-bit words indexed by a non-negative long, allocated chunk by chunk on
/// first touch so a sparse 100M-message ledger costs only what it uses. Reads are lock-free; only
/// growing takes a lock. The bit sets, outcome maps and per-second counters of the ledger sit on it.
/// Given a shared all-ones chunk, a chunk whose words have all become all-ones is replaced by it and
/// freed: a bit set that fills up in order (every offset of a partition acknowledged) then costs
/// only the chunks still being filled.
/// </summary>
internal sealed class ChunkedWords
{
    private readonly int _chunkLog2;
    private readonly int _wordsPerChunk;
    private readonly ulong[]? _full;
    private readonly object _grow = new();
    private ulong[]?[] _chunks = new ulong[]?[4];

    /// <param name="chunkLog2">log2 of the words per chunk (e.g. 14 = 16,384 words = 128 KB).</param>
    /// <param name="full">
    /// An all-ones chunk of 2^<paramref name="chunkLog2"/> words, shared and never written, that replaces a
    /// chunk once <see cref="WordFilled"/> has been called for each of its words; null keeps every chunk.
    /// </param>
    public ChunkedWords(int chunkLog2, ulong[]? full = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkLog2, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chunkLog2, 24);
        _chunkLog2 = chunkLog2;
        _wordsPerChunk = 1 << chunkLog2;
        if (full is not null && (full.Length != _wordsPerChunk || Array.Exists(full, w => w != ulong.MaxValue)))
            throw new ArgumentException($"The shared full chunk must hold {_wordsPerChunk} all-ones words.", nameof(full));
        _full = full;
    }

    /// <summary>The word at <paramref name="index"/>, its chunk allocated if it was never touched.</summary>
    public ref ulong At(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var chunk = ChunkFor(index >> _chunkLog2);
        return ref chunk[index & (_wordsPerChunk - 1)];
    }

    /// <summary>The word at <paramref name="index"/>; 0 where never touched (or negative).</summary>
    public ulong Read(long index)
    {
        if (index < 0) return 0;
        var chunks = Volatile.Read(ref _chunks);
        var c = index >> _chunkLog2;
        if (c >= chunks.Length || chunks[c] is not { } chunk) return 0;
        return Volatile.Read(ref chunk[index & (_wordsPerChunk - 1)]);
    }

    /// <summary>
    /// The word at <paramref name="index"/> has just become all ones (each word is reported once, by the
    /// caller whose update filled it). With a shared full chunk, the last word of a chunk frees the chunk.
    /// </summary>
    public void WordFilled(long index)
    {
        if (_full is null) return;
        var c = index >> _chunkLog2;
        var chunk = Volatile.Read(ref _chunks)[c]!;
        // The count of filled words lives in the chunk's extra last word (see ChunkFor).
        if (Interlocked.Increment(ref chunk[_wordsPerChunk]) != (ulong)_wordsPerChunk) return;
        // Every bit is set: a writer still holding the old chunk finds its bit set and writes nothing.
        lock (_grow) _chunks[c] = _full;
    }

    /// <summary>One past the last word that is not 0.</summary>
    public long Extent()
    {
        var chunks = Volatile.Read(ref _chunks);
        for (var c = chunks.Length - 1; c >= 0; c--)
        {
            if (chunks[c] is not { } chunk) continue;
            for (var i = _wordsPerChunk - 1; i >= 0; i--)
                if (Volatile.Read(ref chunk[i]) != 0) return ((long)c << _chunkLog2) + i + 1;
        }
        return 0;
    }

    /// <summary>Bytes held by the chunk table and the allocated chunks (the shared full chunk is not counted).</summary>
    public long AllocatedBytes
    {
        get
        {
            var chunks = Volatile.Read(ref _chunks);
            long bytes = chunks.Length * 8L;
            foreach (var chunk in chunks)
                if (chunk is not null && !ReferenceEquals(chunk, _full)) bytes += chunk.Length * 8L;
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
            // A chunk that may be freed carries one more word: how many of its words are full.
            var chunk = chunks[chunkIndex] ??= new ulong[_full is null ? _wordsPerChunk : _wordsPerChunk + 1];
            Volatile.Write(ref _chunks, chunks);
            return chunk;
        }
    }
}
