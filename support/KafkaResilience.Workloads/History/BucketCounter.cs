namespace KafkaResilience.Workloads.History;

/// <summary>Counts per time bucket (lock-free increments), grown in chunks of 4096 buckets.</summary>
internal sealed class BucketCounter
{
    private readonly ChunkedWords _buckets = new(12);

    public void Add(long bucket, long count = 1)
    {
        if (bucket < 0) bucket = 0;
        Interlocked.Add(ref _buckets.At(bucket), unchecked((ulong)count));
    }

    public long Get(long bucket) => unchecked((long)_buckets.Read(bucket));

    /// <summary>Values of buckets [0, count).</summary>
    public long[] ToArray(long count)
    {
        var values = new long[count];
        for (long i = 0; i < count; i++) values[i] = Get(i);
        return values;
    }

    /// <summary>One past the last bucket that holds a count.</summary>
    public long Extent() => _buckets.Extent();
}
