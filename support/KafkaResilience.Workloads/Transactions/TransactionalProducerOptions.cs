using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Transactions;

/// <summary>
/// What a transactional producer does: its transactional.id, how many messages of what size to which topic at what
/// rate, how many messages each transaction holds and over how many partitions they are spread, which transactions it
/// aborts on purpose, and what it does when fenced. Validated before it starts; every error names the setting.
/// </summary>
public sealed record TransactionalProducerOptions
{
    public const int MaxTransactionSize = 100_000;

    public required string Topic { get; init; }

    /// <summary>The transactional.id; a second workload with the same one takes it over and fences this one.</summary>
    public required string TransactionalId { get; init; }

    public long MessageCount { get; init; } = 1;

    /// <summary>Bytes per message value, at least the 24-byte payload header. Default 100.</summary>
    public int MessageSize { get; init; } = 100;

    /// <summary>Messages per transaction (the last one may hold fewer). Default 100.</summary>
    public int TransactionSize { get; init; } = 100;

    /// <summary>Message i of a transaction goes to partition i % this: every transaction spans this many partitions. 0 = every partition of the topic.</summary>
    public int Partitions { get; init; }

    /// <summary>Every Nth transaction is aborted on purpose, its messages flushed to the brokers first (so they reach the log). 0 = none.</summary>
    public int AbortEvery { get; init; }

    /// <summary>Messages per second; 0 = as fast as possible.</summary>
    public double RatePerSecond { get; init; }

    /// <summary>Other librdkafka producer settings by name (transaction.timeout.ms, linger.ms...).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>How long one InitTransactions, commit or abort call may take. Default 30 s.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A fenced producer stops (it is the zombie a successor replaced); false makes a new client that takes the
    /// transactional.id back, as an application restarting after a fatal error does. Default true.
    /// </summary>
    public bool StopWhenFenced { get; init; } = true;

    /// <summary>How many times a fatal error (other than a fence that stops it) may replace the client. Default 5.</summary>
    public int MaxRecreations { get; init; } = 5;

    /// <summary>Name of the stream in the history ("tx-send1").</summary>
    public string Name { get; init; } = "tx";

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Topic, nameof(Topic));
        ArgumentException.ThrowIfNullOrWhiteSpace(TransactionalId, nameof(TransactionalId));
        if (MessageCount < 1) throw new ArgumentOutOfRangeException(nameof(MessageCount), MessageCount, "MessageCount must be at least 1.");
        if (MessageSize is < PayloadFormat.HeaderSize or > 1024 * 1024)
            throw new ArgumentOutOfRangeException(nameof(MessageSize), MessageSize, $"MessageSize must be {PayloadFormat.HeaderSize} bytes (the payload header) to 1 MB.");
        if (TransactionSize is < 1 or > MaxTransactionSize)
            throw new ArgumentOutOfRangeException(nameof(TransactionSize), TransactionSize, $"TransactionSize must be 1 to {MaxTransactionSize:N0} messages.");
        if (Partitions < 0) throw new ArgumentOutOfRangeException(nameof(Partitions), Partitions, "Partitions must be 0 (every partition) or more.");
        if (AbortEvery < 0) throw new ArgumentOutOfRangeException(nameof(AbortEvery), AbortEvery, "AbortEvery must be 0 (none) or more.");
        if (AbortEvery == 1) throw new ArgumentOutOfRangeException(nameof(AbortEvery), AbortEvery, "AbortEvery = 1 aborts every transaction: nothing would commit.");
        if (RatePerSecond < 0 || double.IsNaN(RatePerSecond) || double.IsInfinity(RatePerSecond))
            throw new ArgumentOutOfRangeException(nameof(RatePerSecond), RatePerSecond, "RatePerSecond must be >= 0 (0 = as fast as possible).");
        if (CallTimeout <= TimeSpan.Zero || CallTimeout > TimeSpan.FromMinutes(5))
            throw new ArgumentOutOfRangeException(nameof(CallTimeout), CallTimeout, "CallTimeout must be positive and at most 5 minutes.");
        if (MaxRecreations is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(MaxRecreations), MaxRecreations, "MaxRecreations must be 0 to 100.");
        ArgumentNullException.ThrowIfNull(Settings, nameof(Settings));
        foreach (var reserved in new[] { "transactional.id", "bootstrap.servers", "enable.idempotence" })
            if (Settings.ContainsKey(reserved))
                throw new ArgumentException($"Producer setting '{reserved}' is set by the transactional workload itself.", nameof(Settings));
        ArgumentException.ThrowIfNullOrWhiteSpace(Name, nameof(Name));
    }
}
