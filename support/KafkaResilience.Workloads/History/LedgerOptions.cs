namespace KafkaResilience.Workloads.History;

/// <summary>Settings of a <see cref="HistoryLedger"/>: its clock, its run tag, the time-series bucket and how many samples to keep.</summary>
public sealed class LedgerOptions
{
    /// <summary>Clock for all timestamps (tests inject a manual one). Default: the system clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Tag written into every payload so records of another run in the same topic are counted as foreign. 0 = derived from the start time.</summary>
    public ushort RunTag { get; init; }

    /// <summary>Width of a time-series bucket: the resolution of stall detection. Default 100 ms.</summary>
    public TimeSpan BucketWidth { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How many offending records each anomaly keeps as evidence. Default 10.</summary>
    public int SampleLimit { get; init; } = 10;

    /// <summary>Throws naming the setting when a value is out of range.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Clock, nameof(Clock));
        if (BucketWidth < TimeSpan.FromMilliseconds(1) || BucketWidth > TimeSpan.FromSeconds(60))
            throw new ArgumentOutOfRangeException(nameof(BucketWidth), BucketWidth, "BucketWidth must be between 1 ms and 60 s.");
        if (SampleLimit is < 0 or > 10_000)
            throw new ArgumentOutOfRangeException(nameof(SampleLimit), SampleLimit, "SampleLimit must be between 0 and 10000.");
    }
}
