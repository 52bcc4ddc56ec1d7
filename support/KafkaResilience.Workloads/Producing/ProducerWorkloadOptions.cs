namespace KafkaResilience.Workloads.Producing;

/// <summary>
/// What a producer workload does: how many producer instances and threads per instance (each
/// thread is one sequence stream), how many messages (or for how long), at what total rate,
/// of what size, keyed how, with which client settings (by name). Validated before it starts.
/// </summary>
public sealed record ProducerWorkloadOptions
{
    public const int MaxInstances = 256;
    public const int MaxThreadsPerInstance = 256;

    public required string Topic { get; init; }

    /// <summary>Producer instances (each its own client and connections). Default 1.</summary>
    public int Instances { get; init; } = 1;

    /// <summary>Threads sharing each instance (the seed's Java test: 2). Default 1.</summary>
    public int ThreadsPerInstance { get; init; } = 1;

    /// <summary>Total messages over all threads; null when <see cref="Duration"/> bounds the run.</summary>
    public long? MessageCount { get; init; }

    /// <summary>How long to send; null when <see cref="MessageCount"/> bounds the run. With both, whichever ends first.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Total target rate in messages per second over all threads; 0 = as fast as possible.</summary>
    public double RatePerSecond { get; init; }

    /// <summary>Bytes per message value, at least the 24-byte payload header. Default 100.</summary>
    public int MessageSize { get; init; } = 100;

    public KeyMode KeyMode { get; init; } = KeyMode.RoundRobin;

    /// <summary>Distinct keys in <see cref="KeyMode.Keyed"/> mode. Default 1000.</summary>
    public int KeyCount { get; init; } = 1000;

    /// <summary>Client settings by librdkafka name (acks, retries, enable.idempotence, max.in.flight, linger.ms, batch.size, compression.type, delivery.timeout.ms; Java's buffer.memory is translated).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>How long one send may wait for room in the client's queue before it is recorded as failed. Default 60 s.</summary>
    public TimeSpan QueueFullTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait at the end for outstanding sends to be reported; what is left is purged and recorded unknown. Default 60 s.</summary>
    public TimeSpan FlushTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long preparing may take: the topic's metadata with a leader for every partition, and a connection to each leader. Default 30 s.</summary>
    public TimeSpan PrepareTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Name prefix of the streams ("producer-0.1" = instance 0, thread 1).</summary>
    public string Name { get; init; } = "producer";

    public int Streams => Instances * ThreadsPerInstance;

    /// <summary>Throws naming the first bad setting and what it allows.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Topic))
            throw new ArgumentException("Topic must be set.", nameof(Topic));
        if (Instances is < 1 or > MaxInstances)
            throw new ArgumentOutOfRangeException(nameof(Instances), Instances, $"Instances must be 1 to {MaxInstances}.");
        if (ThreadsPerInstance is < 1 or > MaxThreadsPerInstance)
            throw new ArgumentOutOfRangeException(nameof(ThreadsPerInstance), ThreadsPerInstance, $"ThreadsPerInstance must be 1 to {MaxThreadsPerInstance}.");
        if (MessageCount is null && Duration is null)
            throw new ArgumentException("Set MessageCount, Duration, or both (whichever ends first).", nameof(MessageCount));
        if (MessageCount is < 1)
            throw new ArgumentOutOfRangeException(nameof(MessageCount), MessageCount, "MessageCount must be at least 1.");
        if (Duration is { } d && d <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(Duration), Duration, "Duration must be positive.");
        if (RatePerSecond < 0 || double.IsNaN(RatePerSecond) || double.IsInfinity(RatePerSecond))
            throw new ArgumentOutOfRangeException(nameof(RatePerSecond), RatePerSecond, "RatePerSecond must be >= 0 (0 = as fast as possible).");
        if (MessageSize is < History.PayloadFormat.HeaderSize or > 100 * 1024 * 1024)
            throw new ArgumentOutOfRangeException(nameof(MessageSize), MessageSize, $"MessageSize must be {History.PayloadFormat.HeaderSize} bytes (the payload header) to 100 MB.");
        if (!Enum.IsDefined(KeyMode))
            throw new ArgumentOutOfRangeException(nameof(KeyMode), KeyMode, "KeyMode must be None, RoundRobin or Keyed.");
        if (KeyCount < 1)
            throw new ArgumentOutOfRangeException(nameof(KeyCount), KeyCount, "KeyCount must be at least 1.");
        if (QueueFullTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(QueueFullTimeout), QueueFullTimeout, "QueueFullTimeout must be positive.");
        if (FlushTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(FlushTimeout), FlushTimeout, "FlushTimeout must be positive.");
        if (PrepareTimeout <= TimeSpan.Zero || PrepareTimeout > TimeSpan.FromMinutes(10))
            throw new ArgumentOutOfRangeException(nameof(PrepareTimeout), PrepareTimeout, "PrepareTimeout must be positive and at most 10 minutes.");
        ArgumentNullException.ThrowIfNull(Settings, nameof(Settings));
        ArgumentException.ThrowIfNullOrWhiteSpace(Name, nameof(Name));
    }
}
