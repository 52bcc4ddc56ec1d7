using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Transactions;

/// <summary>
/// What a consume-transform-produce processor does (the loop Kafka Streams' exactly-once is built on): the group it
/// reads the input topic in (read_committed), the transactional.id it writes the output topic with, how many input
/// records each transaction holds, and the size of its outputs. Validated before it starts.
/// </summary>
public sealed record TransformProcessorOptions
{
    public required string InputTopic { get; init; }
    public required string OutputTopic { get; init; }
    public required string GroupId { get; init; }
    public required string TransactionalId { get; init; }

    /// <summary>Input records per transaction (fewer when the input has no more for now). Default 100.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Bytes per output record, at least the 24-byte payload header. Default 100.</summary>
    public int MessageSize { get; init; } = 100;

    /// <summary>Other consumer settings by name (session.timeout.ms, fetch.wait.max.ms...).</summary>
    public IReadOnlyDictionary<string, string> ConsumerSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Other producer settings by name (transaction.timeout.ms, linger.ms...).</summary>
    public IReadOnlyDictionary<string, string> ProducerSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>How long one InitTransactions, offset send, commit or abort call may take. Default 30 s.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Name of its consumer ("processor-0") and output streams ("processor-out1", one per start) in the history.</summary>
    public string Name { get; init; } = "processor";

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(InputTopic, nameof(InputTopic));
        ArgumentException.ThrowIfNullOrWhiteSpace(OutputTopic, nameof(OutputTopic));
        if (InputTopic == OutputTopic) throw new ArgumentException($"A processor reading and writing \"{InputTopic}\" would read its own output.", nameof(OutputTopic));
        ArgumentException.ThrowIfNullOrWhiteSpace(GroupId, nameof(GroupId));
        ArgumentException.ThrowIfNullOrWhiteSpace(TransactionalId, nameof(TransactionalId));
        if (BatchSize is < 1 or > TransactionalProducerOptions.MaxTransactionSize)
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, $"BatchSize must be 1 to {TransactionalProducerOptions.MaxTransactionSize:N0} records.");
        if (MessageSize is < PayloadFormat.HeaderSize or > 1024 * 1024)
            throw new ArgumentOutOfRangeException(nameof(MessageSize), MessageSize, $"MessageSize must be {PayloadFormat.HeaderSize} bytes (the payload header) to 1 MB.");
        if (CallTimeout <= TimeSpan.Zero || CallTimeout > TimeSpan.FromMinutes(5))
            throw new ArgumentOutOfRangeException(nameof(CallTimeout), CallTimeout, "CallTimeout must be positive and at most 5 minutes.");
        ArgumentNullException.ThrowIfNull(ConsumerSettings, nameof(ConsumerSettings));
        ArgumentNullException.ThrowIfNull(ProducerSettings, nameof(ProducerSettings));
        foreach (var reserved in new[] { "group.id", "bootstrap.servers", "enable.auto.commit", "isolation.level" })
            if (ConsumerSettings.ContainsKey(reserved))
                throw new ArgumentException($"Consumer setting '{reserved}' is set by the processor itself (it reads read_committed and commits in its transactions).", nameof(ConsumerSettings));
        foreach (var reserved in new[] { "transactional.id", "bootstrap.servers", "enable.idempotence" })
            if (ProducerSettings.ContainsKey(reserved))
                throw new ArgumentException($"Producer setting '{reserved}' is set by the processor itself.", nameof(ProducerSettings));
        ArgumentException.ThrowIfNullOrWhiteSpace(Name, nameof(Name));
    }
}
