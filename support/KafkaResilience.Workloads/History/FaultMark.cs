namespace KafkaResilience.Workloads.History;

/// <summary>
/// A fault placed on the run's timeline by the chaos layer: when it was injected and healed, and
/// (filled in by the ledger as records flow) the first ack and first consume after injection,
/// overall and per partition, which is what recovery time is measured from.
/// </summary>
public sealed class FaultMark
{
    internal const int MaxTrackedPartitions = 4096;
    private readonly long[] _firstAckByPartition = new long[MaxTrackedPartitions];
    private readonly long[] _firstConsumeByPartition = new long[MaxTrackedPartitions];
    private readonly Func<long, TimeSpan> _toElapsed;
    private long _firstAck;
    private long _firstConsume;
    private long _healedTicks;

    internal FaultMark(string name, string description, IReadOnlyList<int> brokers, long injectedTicks, Func<long, TimeSpan> toElapsed, long acknowledgedBefore = 0)
    {
        AcknowledgedBefore = acknowledgedBefore;
        Name = name;
        Description = description;
        Brokers = brokers;
        InjectedTicks = injectedTicks;
        _toElapsed = toElapsed;
    }

    public string Name { get; }
    public string Description { get; }

    /// <summary>The brokers the fault's target resolved to when it fired (empty for a fault aimed at no broker).</summary>
    public IReadOnlyList<int> Brokers { get; }

    /// <summary>How many messages the producers had acknowledged when the fault was injected.</summary>
    public long AcknowledgedBefore { get; }
    internal long InjectedTicks { get; }

    public TimeSpan InjectedAt => _toElapsed(InjectedTicks);
    public TimeSpan? HealedAt => Volatile.Read(ref _healedTicks) is var t and not 0 ? _toElapsed(t) : null;
    public TimeSpan? FirstAckAfter => At(Volatile.Read(ref _firstAck));
    public TimeSpan? FirstConsumeAfter => At(Volatile.Read(ref _firstConsume));

    /// <summary>First ack on <paramref name="partition"/> after injection (null when none came).</summary>
    public TimeSpan? FirstAckAfterOn(int partition) =>
        partition is >= 0 and < MaxTrackedPartitions ? At(Volatile.Read(ref _firstAckByPartition[partition])) : null;

    /// <summary>First record read from <paramref name="partition"/> after injection (null when none came).</summary>
    public TimeSpan? FirstConsumeAfterOn(int partition) =>
        partition is >= 0 and < MaxTrackedPartitions ? At(Volatile.Read(ref _firstConsumeByPartition[partition])) : null;

    internal void Heal(long ticks) => Interlocked.CompareExchange(ref _healedTicks, ticks, 0);

    internal void NoteAck(int partition, long ticks)
    {
        if (ticks <= InjectedTicks) return;
        if (Volatile.Read(ref _firstAck) == 0) Interlocked.CompareExchange(ref _firstAck, ticks, 0);
        if (partition is >= 0 and < MaxTrackedPartitions && Volatile.Read(ref _firstAckByPartition[partition]) == 0)
            Interlocked.CompareExchange(ref _firstAckByPartition[partition], ticks, 0);
    }

    internal void NoteConsume(int partition, long ticks)
    {
        if (ticks <= InjectedTicks) return;
        if (Volatile.Read(ref _firstConsume) == 0) Interlocked.CompareExchange(ref _firstConsume, ticks, 0);
        if (partition is >= 0 and < MaxTrackedPartitions && Volatile.Read(ref _firstConsumeByPartition[partition]) == 0)
            Interlocked.CompareExchange(ref _firstConsumeByPartition[partition], ticks, 0);
    }

    private TimeSpan? At(long ticks) => ticks == 0 ? null : _toElapsed(ticks);

    public override string ToString() =>
        $"{Name} at {InjectedAt.TotalSeconds:0.000}s" + (HealedAt is { } h ? $", healed at {h.TotalSeconds:0.000}s" : ", never healed");
}
