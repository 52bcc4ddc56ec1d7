namespace KafkaResilience.Workloads.History;

/// <summary>
/// A growable bit set indexed by a non-negative long, allocated in 128 KB chunks on first touch.
/// Setting a bit is lock-free (Interlocked.Or) and reports whether it was already set, which is
/// how the ledger tells a first delivery from a second one without storing ids. A set made with
/// <c>freeFullChunks</c> uses 8 KB chunks and gives back each one whose bits are all set (a
/// partition's acknowledged offsets fill their chunks in order), so what it keeps is the part still
/// being filled and the chunks with holes.
/// </summary>
internal sealed class ChunkedBitSet
{
    internal const int ChunkBitsLog2 = 20; // 1,048,576 bits = 16,384 words = 128 KB per chunk
    internal const int FreeableChunkBitsLog2 = 16; // 65,536 bits = 1,024 words = 8 KB per chunk

    /// <summary>The all-ones chunk every full chunk of a freeing set is replaced by; never written (a set bit is never set again).</summary>
    private static readonly ulong[] FullChunk = Enumerable.Repeat(ulong.MaxValue, 1 << (FreeableChunkBitsLog2 - 6)).ToArray();

    private readonly ChunkedWords _words;

    public ChunkedBitSet(bool freeFullChunks = false) =>
        _words = freeFullChunks ? new ChunkedWords(FreeableChunkBitsLog2 - 6, FullChunk) : new ChunkedWords(ChunkBitsLog2 - 6);

    /// <summary>Sets bit <paramref name="index"/>; returns true when it was already set.</summary>
    public bool Set(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var mask = 1UL << (int)(index & 63);
        ref var word = ref _words.At(index >> 6);
        if ((Volatile.Read(ref word) & mask) != 0)
            return true;
        var old = Interlocked.Or(ref word, mask);
        if ((old & mask) != 0)
            return true;
        if ((old | mask) == ulong.MaxValue)
            _words.WordFilled(index >> 6);
        return false;
    }

    /// <summary>
    /// Sets bits <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1, a word (64 bits)
    /// per atomic update; returns how many of them were already set.
    /// </summary>
    public long SetRange(long first, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        long already = 0;
        var end = first + count;
        for (var index = first; index < end;)
        {
            var bit = (int)(index & 63);
            var bits = (int)Math.Min(64 - bit, end - index);
            var mask = (bits == 64 ? ulong.MaxValue : (1UL << bits) - 1) << bit;
            ref var word = ref _words.At(index >> 6);
            var old = Interlocked.Or(ref word, mask);
            already += System.Numerics.BitOperations.PopCount(old & mask);
            if (old != ulong.MaxValue && (old | mask) == ulong.MaxValue)
                _words.WordFilled(index >> 6);
            index += bits;
        }
        return already;
    }

    public bool Get(long index) => index >= 0 && (_words.Read(index >> 6) & (1UL << (int)(index & 63))) != 0;

    /// <summary>64 bits starting at <paramref name="wordIndex"/> * 64 (0 where never touched).</summary>
    public ulong Word(long wordIndex) => _words.Read(wordIndex);

    /// <summary>One past the last word with a bit set.</summary>
    public long WordExtent() => _words.Extent();

    /// <summary>Bytes held by allocated chunks.</summary>
    public long AllocatedBytes => _words.AllocatedBytes;
}
