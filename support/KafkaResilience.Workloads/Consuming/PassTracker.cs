namespace KafkaResilience.Workloads.Consuming;

/// <summary>
/// Counts one consumer's passes over each of its partitions in a measured read of several passes:
/// remembers where each partition starts, says whether a record belongs to the first pass (a
/// delivery) or a later one (a re-read), and where to seek when a pass reaches the end.
/// </summary>
internal sealed class PassTracker
{
    private readonly int _passes;
    private readonly Dictionary<int, (long FirstOffset, int Pass)> _partitions = [];

    public PassTracker(int passes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(passes, 1);
        _passes = passes;
    }

    /// <summary>A record at <paramref name="offset"/> was read; true when it is in the first pass.</summary>
    public bool Read(int partition, long offset)
    {
        if (_passes == 1) return true; // one pass: every record is a delivery, nothing to remember
        if (_partitions.TryGetValue(partition, out var state)) return state.Pass == 0;
        _partitions[partition] = (offset, 0);
        return true;
    }

    /// <summary>The end of <paramref name="partition"/> was reached: the offset to read it again from, or null when its passes are done (or it holds nothing).</summary>
    public long? EndOfPass(int partition)
    {
        if (!_partitions.TryGetValue(partition, out var state) || state.Pass + 1 >= _passes) return null;
        _partitions[partition] = (state.FirstOffset, state.Pass + 1);
        return state.FirstOffset;
    }
}
