namespace KafkaResilience.Workloads.Consuming;

/// <summary>
/// What a consumer workload does: how many consumers, in a group or manually assigned, how they
/// commit, where a new group starts (auto.offset.reset), fetch and other client settings by name.
/// </summary>
public sealed record ConsumerWorkloadOptions
{
    public const int MaxConsumers = 256;
    public const int MaxPasses = 10_000;

    /// <summary>A topic name, or a pattern of topic names starting with '^' ("^sweep-.*"), as librdkafka reads a subscription.</summary>
    public required string Topic { get; init; }

    /// <summary>True when <see cref="Topic"/> is a pattern: each record's topic name is then needed to tell records apart.</summary>
    public bool SubscribesToPattern => Topic.StartsWith('^');

    /// <summary>Consumers (group members, or readers splitting the partitions). Default 1.</summary>
    public int Consumers { get; init; } = 1;

    /// <summary>Consumer group id; default "kafka-resilience-&lt;run tag&gt;".</summary>
    public string? GroupId { get; init; }

    /// <summary>Assign partitions by hand (consumer i reads partitions p with p % Consumers == i) instead of subscribing.</summary>
    public bool ManualAssignment { get; init; }

    /// <summary>
    /// With <see cref="ManualAssignment"/>: how many times each consumer reads its partitions from the
    /// beginning to the end (a measured read of what a topic holds, made long enough to time). Passes
    /// after the first count as re-reads, not as deliveries. Default 1.
    /// </summary>
    public int Passes { get; init; } = 1;

    /// <summary>
    /// With <see cref="ManualAssignment"/>: each consumer reads its partitions from <see cref="AutoOffsetReset"/>
    /// up to the end offsets they had when it started, then stops by itself, as <c>kcat -C -e</c> does
    /// (<see cref="ConsumerWorkload.WaitUntilEndAsync"/> waits for that). A read of what a topic holds.
    /// </summary>
    public bool StopAtEnd { get; init; }

    public CommitMode CommitMode { get; init; } = CommitMode.Auto;

    /// <summary>With <see cref="CommitMode.AfterProcessing"/>: commit after this many records. Default 1000.</summary>
    public int CommitEvery { get; init; } = 1000;

    /// <summary>Where a group without a committed offset starts: "earliest" or "latest". Default earliest.</summary>
    public string AutoOffsetReset { get; init; } = "earliest";

    /// <summary>Other client settings by librdkafka/Confluent name (fetch.max.bytes, max.partition.fetch.bytes, fetch.wait.max.ms, session.timeout.ms...).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>How long one poll waits for a record. Default 100 ms.</summary>
    public TimeSpan PollTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Name prefix of the consumers ("consumer-0" ...).</summary>
    public string Name { get; init; } = "consumer";

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Topic))
            throw new ArgumentException("Topic must be set.", nameof(Topic));
        if (Consumers is < 1 or > MaxConsumers)
            throw new ArgumentOutOfRangeException(nameof(Consumers), Consumers, $"Consumers must be 1 to {MaxConsumers}.");
        if (GroupId is not null && string.IsNullOrWhiteSpace(GroupId))
            throw new ArgumentException("GroupId must not be blank (leave it null for the default).", nameof(GroupId));
        if (Passes is < 1 or > MaxPasses)
            throw new ArgumentOutOfRangeException(nameof(Passes), Passes, $"Passes must be 1 to {MaxPasses}.");
        if (Passes > 1 && !ManualAssignment)
            throw new ArgumentException($"Passes = {Passes} needs ManualAssignment: a group member cannot tell a repeated pass from a redelivery.", nameof(Passes));
        if (StopAtEnd && !ManualAssignment)
            throw new ArgumentException("StopAtEnd needs ManualAssignment: a group member's partitions, and so its ends, change with rebalances.", nameof(StopAtEnd));
        if (StopAtEnd && Passes > 1)
            throw new ArgumentException($"StopAtEnd reads each partition once; Passes = {Passes} reads them again.", nameof(StopAtEnd));
        if (!Enum.IsDefined(CommitMode))
            throw new ArgumentOutOfRangeException(nameof(CommitMode), CommitMode, "CommitMode must be Auto, AfterProcessing or None.");
        if (CommitEvery < 1)
            throw new ArgumentOutOfRangeException(nameof(CommitEvery), CommitEvery, "CommitEvery must be at least 1.");
        if (AutoOffsetReset is not ("earliest" or "latest"))
            throw new ArgumentOutOfRangeException(nameof(AutoOffsetReset), AutoOffsetReset, "AutoOffsetReset must be 'earliest' or 'latest'.");
        if (PollTimeout <= TimeSpan.Zero || PollTimeout > TimeSpan.FromSeconds(10))
            throw new ArgumentOutOfRangeException(nameof(PollTimeout), PollTimeout, "PollTimeout must be between 1 ms and 10 s.");
        ArgumentNullException.ThrowIfNull(Settings, nameof(Settings));
        foreach (var reserved in new[] { "group.id", "bootstrap.servers", "enable.auto.commit", "auto.offset.reset" })
            if (Settings.ContainsKey(reserved))
                throw new ArgumentException($"Consumer setting '{reserved}' is set through the workload's own options (GroupId, CommitMode, AutoOffsetReset), not Settings.", nameof(Settings));
        ArgumentException.ThrowIfNullOrWhiteSpace(Name, nameof(Name));
    }
}
