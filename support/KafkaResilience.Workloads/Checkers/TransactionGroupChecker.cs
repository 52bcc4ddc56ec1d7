using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// A checker of what reader groups read of transactions: it judges the groups named, or, when none are named, every
/// recorded reader group (of one isolation level where the checker needs one). A named group that was never recorded,
/// or no group to judge at all, is unknown with its reason, never passed.
/// </summary>
public abstract class TransactionGroupChecker : IChecker
{
    private readonly IReadOnlyList<string>? _groups;
    private readonly ReadIsolation? _isolationWhenUnnamed;
    private readonly string _withoutReaders;

    /// <param name="groups">The groups to judge; null judges every recorded reader group.</param>
    /// <param name="exampleLimit">How many anomalous records a verdict names at most.</param>
    /// <param name="isolationWhenUnnamed">With no group named, only the groups of this isolation level (null: any).</param>
    /// <param name="withoutReaders">The verdict's reason when there is no group to judge.</param>
    protected TransactionGroupChecker(IReadOnlyList<string>? groups, int exampleLimit, ReadIsolation? isolationWhenUnnamed, string withoutReaders)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exampleLimit);
        ArgumentException.ThrowIfNullOrWhiteSpace(withoutReaders);
        _groups = groups;
        ExampleLimit = exampleLimit;
        _isolationWhenUnnamed = isolationWhenUnnamed;
        _withoutReaders = withoutReaders;
    }

    public abstract string Name { get; }

    /// <summary>How many anomalous records a verdict names at most.</summary>
    protected int ExampleLimit { get; }

    public Verdict Check(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var (readers, missing) = TransactionReaders.Resolve(history.Transactions, _groups, _groups is null ? _isolationWhenUnnamed : null);
        if (missing is not null) return Verdict.Unknown(Name, missing);
        if (readers.Count == 0) return Verdict.Unknown(Name, _withoutReaders);
        return Judge(history, readers);
    }

    /// <summary>The verdict on these groups' reads (at least one group).</summary>
    protected abstract Verdict Judge(HistorySnapshot history, IReadOnlyList<TransactionReader> readers);
}
