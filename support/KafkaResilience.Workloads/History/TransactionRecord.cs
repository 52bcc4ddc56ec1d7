namespace KafkaResilience.Workloads.History;

/// <summary>
/// One transaction of a transactional producer stream: its id ("&lt;transactional.id&gt;#&lt;n&gt;"), the stream and the
/// consecutive sequences it wrote ([<see cref="FirstSequence"/>, + <see cref="Count"/>), the topic, where each message
/// was written (partition and offset from its delivery report; -1 when none came), how it ended and when. Every
/// message of a run's transactional streams belongs to exactly one transaction: that is the per-message transaction id
/// and outcome the checkers judge by.
/// </summary>
public sealed class TransactionRecord
{
    public TransactionRecord(string id, string transactionalId, int producer, int topic, long firstSequence, int count, TransactionOutcome outcome,
        TimeSpan beganAt, TimeSpan? commitCalledAt, TimeSpan endedAt, string? note = null, int[]? partitions = null, long[]? offsets = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(transactionalId);
        ArgumentOutOfRangeException.ThrowIfNegative(firstSequence);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (partitions is not null && partitions.Length != count) throw new ArgumentException($"One partition per message: {count} messages, {partitions.Length} partitions.", nameof(partitions));
        if (offsets is not null && offsets.Length != count) throw new ArgumentException($"One offset per message: {count} messages, {offsets.Length} offsets.", nameof(offsets));
        Id = id;
        TransactionalId = transactionalId;
        Producer = producer;
        Topic = topic;
        FirstSequence = firstSequence;
        Count = count;
        Outcome = outcome;
        BeganAt = beganAt;
        CommitCalledAt = commitCalledAt;
        EndedAt = endedAt;
        Note = note;
        Partitions = partitions ?? Enumerable.Repeat(-1, count).ToArray();
        Offsets = offsets ?? Enumerable.Repeat(-1L, count).ToArray();
    }

    public string Id { get; }
    public string TransactionalId { get; }

    /// <summary>The producer stream (payload producer id) that wrote it.</summary>
    public int Producer { get; }

    /// <summary>The ledger's number of the topic it wrote.</summary>
    public int Topic { get; }
    public long FirstSequence { get; }
    public int Count { get; }
    public TransactionOutcome Outcome { get; }
    public TimeSpan BeganAt { get; }

    /// <summary>When the commit was asked for (null: never, so it cannot have committed).</summary>
    public TimeSpan? CommitCalledAt { get; }
    public TimeSpan EndedAt { get; }

    /// <summary>Why it was aborted or its outcome is unknown (the client's error), or null.</summary>
    public string? Note { get; }

    /// <summary>Per message (index = sequence - <see cref="FirstSequence"/>), the partition it was written to, or -1.</summary>
    public IReadOnlyList<int> Partitions { get; }

    /// <summary>Per message, the offset its delivery report named, or -1.</summary>
    public IReadOnlyList<long> Offsets { get; }

    public bool Contains(int producer, long sequence) => producer == Producer && sequence >= FirstSequence && sequence < FirstSequence + Count;

    /// <summary>"txn tx-send1-0#17 (aborted)": how every verdict names it.</summary>
    public string Label => $"txn {Id} ({Outcome.ToString().ToLowerInvariant()})";

    public override string ToString() => $"{Label}: p{Producer}#{FirstSequence}..{FirstSequence + Count - 1}" + (Note is null ? "" : $" ({Note})");
}
