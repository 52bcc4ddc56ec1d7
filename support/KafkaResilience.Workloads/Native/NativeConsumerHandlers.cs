namespace KafkaResilience.Workloads.Native;

/// <summary>
/// What a <see cref="NativeConsumer"/> tells its owner. Rebalance handlers run on the polling thread, inside a poll
/// or the close (the assignment is applied after them, as Confluent's consumer does); the log handler runs on
/// librdkafka's own threads; the error handler inside a poll. None of them is called while the consumer is disposed.
/// </summary>
internal sealed record NativeConsumerHandlers
{
    /// <summary>A log line: syslog level (0 emergency .. 7 debug), facility, text.</summary>
    public Action<int, string, string>? Log { get; init; }

    /// <summary>A client error: librdkafka's error name and the reason.</summary>
    public Action<string, string>? Error { get; init; }

    public Action<IReadOnlyList<(string Topic, int Partition)>>? Assigned { get; init; }

    public Action<IReadOnlyList<(string Topic, int Partition)>>? Revoked { get; init; }

    /// <summary>Partitions taken away without a revoke (the session timed out); when null, <see cref="Revoked"/> is told.</summary>
    public Action<IReadOnlyList<(string Topic, int Partition)>>? Lost { get; init; }
}
