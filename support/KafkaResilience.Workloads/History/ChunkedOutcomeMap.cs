namespace KafkaResilience.Workloads.History;

/// <summary>
/// Two bits per sequence number holding its <see cref="SendOutcome"/>, in lazily allocated
/// 256 KB chunks (100M sequences take 25 MB). Updates are lock-free compare-and-swap.
/// </summary>
internal sealed class ChunkedOutcomeMap
{
    private const int ChunkEntriesLog2 = 20; // 1,048,576 entries, 32 per word
    private readonly ChunkedWords _words = new(ChunkEntriesLog2 - 5);

    /// <summary>Stores the outcome; returns the outcome that was there before (Pending when none).</summary>
    public SendOutcome Set(long sequence, SendOutcome outcome)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ref var word = ref _words.At(sequence >> 5);
        var shift = (int)(sequence & 31) * 2;
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

    public SendOutcome Get(long sequence) => sequence < 0
        ? SendOutcome.Pending
        : (SendOutcome)((_words.Read(sequence >> 5) >> ((int)(sequence & 31) * 2)) & 3);

    /// <summary>The word holding sequences [wordIndex*32, wordIndex*32+32), two bits each.</summary>
    public ulong Word(long wordIndex) => _words.Read(wordIndex);

    public long AllocatedBytes => _words.AllocatedBytes;
}
