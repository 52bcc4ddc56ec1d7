namespace KafkaResilience.Workloads.History;

/// <summary>
/// A growable bit set indexed by a non-negative long, allocated in 128 KB chunks on first touch.
/// Setting a bit is lock-free (Interlocked.Or) and reports whether it was already set, which is
/// how the ledger tells a first delivery from a second one without storing ids.
/// </summary>
internal sealed class ChunkedBitSet
{
    internal const int ChunkBitsLog2 = 20; // 1,048,576 bits = 16,384 words = 128 KB per chunk
    private readonly ChunkedWords _words = new(ChunkBitsLog2 - 6);

    /// <summary>Sets bit <paramref name="index"/>; returns true when it was already set.</summary>
    public bool Set(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var mask = 1UL << (int)(index & 63);
        ref var word = ref _words.At(index >> 6);
        if ((Volatile.Read(ref word) & mask) != 0)
            return true;
        return (Interlocked.Or(ref word, mask) & mask) != 0;
    }

    public bool Get(long index) => index >= 0 && (_words.Read(index >> 6) & (1UL << (int)(index & 63))) != 0;

    /// <summary>64 bits starting at <paramref name="wordIndex"/> * 64 (0 where never touched).</summary>
    public ulong Word(long wordIndex) => _words.Read(wordIndex);

    /// <summary>Bytes held by allocated chunks.</summary>
    public long AllocatedBytes => _words.AllocatedBytes;
}
