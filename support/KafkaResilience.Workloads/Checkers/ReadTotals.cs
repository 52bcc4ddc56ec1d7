using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// What a set of consumers (one group of a scenario) read: records and bytes, and the read window from the
/// first read of any of them to the last read of any of them. Members that read nothing do not widen the window.
/// </summary>
public sealed record ReadTotals(int Members, long Read, long Bytes, double Seconds)
{
    /// <summary>Records per second over the read window (0 without a window).</summary>
    public double PerSecond => Seconds > 0 ? Read / Seconds : 0;

    /// <summary>Megabytes (2^20 bytes) per second over the read window, or null without a window.</summary>
    public double? MegabytesPerSecond => Seconds > 0 ? Bytes / 1048576.0 / Seconds : null;

    /// <summary>The totals of the consumers named <paramref name="members"/>.</summary>
    public static ReadTotals Of(HistorySnapshot history, IReadOnlyCollection<string> members)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(members);
        var mine = history.Consumers.Where(c => members.Contains(c.Name)).ToList();
        var reading = mine.Where(c => c.FirstAt is not null && c.LastAt is not null).ToList();
        var seconds = reading.Count == 0 ? 0 : (reading.Max(c => c.LastAt!.Value) - reading.Min(c => c.FirstAt!.Value)).TotalSeconds;
        return new ReadTotals(mine.Count, reading.Sum(c => c.Consumed), reading.Sum(c => c.Bytes), seconds);
    }
}
