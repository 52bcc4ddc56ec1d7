using System.Globalization;

namespace KafkaResilience.Cluster;

/// <summary>
/// The numbers behind what a target cannot model, where a scenario's own sizes decide whether it can be judged
/// there: how much a partition keeps (a bounded target drops its oldest records, so a read after the send, or a
/// reader that falls behind, finds them gone), and how fast the target itself can take messages when it runs
/// inside the test process (a throughput floor close to that judges the target and the machine, not Kafka).
/// Each number comes with the fact it was read or measured from. <see cref="None"/>: a target with neither limit
/// (real brokers on their own hosts, keeping what their retention says).
/// </summary>
public sealed record CapabilityLimits
{
    /// <summary>A target without these limits: the docker and external targets.</summary>
    public static CapabilityLimits None { get; } = new();

    /// <summary>Bytes of records a partition is trusted to keep before it drops the oldest; null when it keeps everything a scenario writes.</summary>
    public long? RetainedBytesPerPartition { get; init; }

    /// <summary>Record batches a partition keeps at most (a batch holds at least one record); null when unbounded.</summary>
    public long? RetainedBatchesPerPartition { get; init; }

    /// <summary>What the retention limit is, as a skipped scenario says it ("the embedded cluster keeps ~5 MiB ...").</summary>
    public string? RetentionFact { get; init; }

    /// <summary>
    /// The slowest rate, in messages per second, that a producer alone was measured to reach into this target when the
    /// target runs inside the test process; null when the brokers run on hosts of their own.
    /// </summary>
    public double? InProcessProducerRate { get; init; }

    /// <summary>Where that rate comes from (the range measured, when, how), as a skipped scenario says it.</summary>
    public string? InProcessFact { get; init; }

    /// <summary>How long this target takes to move leadership off a lost broker when a scenario does not say.</summary>
    public TimeSpan? DefaultDetectionDelay { get; init; }

    /// <summary>True when the target drops records a scenario may still need.</summary>
    public bool HasBoundedRetention => RetainedBytesPerPartition is not null || RetainedBatchesPerPartition is not null;

    /// <summary>Throws when a limit is not positive or comes without the fact that explains it.</summary>
    public CapabilityLimits Validate()
    {
        if (RetainedBytesPerPartition is <= 0) throw new ArgumentException($"{nameof(RetainedBytesPerPartition)} must be positive (got {RetainedBytesPerPartition}).");
        if (RetainedBatchesPerPartition is <= 0) throw new ArgumentException($"{nameof(RetainedBatchesPerPartition)} must be positive (got {RetainedBatchesPerPartition}).");
        if (HasBoundedRetention && string.IsNullOrWhiteSpace(RetentionFact))
            throw new ArgumentException($"A bounded retention needs its {nameof(RetentionFact)}.");
        if (InProcessProducerRate is { } rate && (rate <= 0 || !double.IsFinite(rate)))
            throw new ArgumentException($"{nameof(InProcessProducerRate)} must be a positive rate (got {rate.ToString(CultureInfo.InvariantCulture)}).");
        if (InProcessProducerRate is not null && string.IsNullOrWhiteSpace(InProcessFact))
            throw new ArgumentException($"An in-process rate needs its {nameof(InProcessFact)}.");
        if (DefaultDetectionDelay is { } delay && delay < TimeSpan.Zero)
            throw new ArgumentException($"{nameof(DefaultDetectionDelay)} must not be negative (got {delay}).");
        return this;
    }
}
