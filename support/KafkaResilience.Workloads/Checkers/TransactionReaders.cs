using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// What the transaction checkers share: which reader groups a checker judges (those named, or every group of an
/// isolation level), and the offsets a group's members found below the log start (the target dropped them before the
/// group got there), so a record the group could not read is never called lost or a transaction read in part for it.
/// </summary>
internal static class TransactionReaders
{
    /// <summary>The groups named (all of them must be known), or every group of <paramref name="isolation"/> (every group when null).</summary>
    public static (IReadOnlyList<TransactionReader> Readers, string? Missing) Resolve(TransactionSnapshot transactions, IReadOnlyList<string>? groups, ReadIsolation? isolation)
    {
        if (groups is null)
            return ([.. transactions.Readers.Where(r => isolation is null || r.Isolation == isolation)], null);
        var found = new List<TransactionReader>();
        foreach (var group in groups)
        {
            if (transactions.Readers.FirstOrDefault(r => r.Group == group) is not { } reader)
                return ([], $"no group \"{group}\" was recorded as a reader (groups: {string.Join(", ", transactions.Readers.Select(r => r.Group))})");
            found.Add(reader);
        }
        return (found, null);
    }

    /// <summary>"group \"audit\"", "groups \"a\", \"b\"".</summary>
    public static string Named(IReadOnlyList<TransactionReader> readers) =>
        readers.Count == 1 ? $"group \"{readers[0].Group}\"" : "groups " + string.Join(", ", readers.Select(r => $"\"{r.Group}\""));

    /// <summary>Per (topic name, partition), the offset ranges [From, To) the group's members skipped because the log began above them.</summary>
    public static Func<string, int, long, bool> DroppedFor(HistorySnapshot history, TransactionReader reader)
    {
        var ranges = history.OffsetResets
            .Where(r => r.Kind == OffsetResetKind.ToLogStart && r.Skipped > 0 && reader.Members.Contains(r.Consumer))
            .Select(r => (r.Topic, r.Partition, r.From, To: r.To!.Value)).ToList();
        if (ranges.Count == 0) return (_, _, _) => false;
        return (topic, partition, offset) => offset >= 0 && ranges.Any(r => r.Topic == topic && r.Partition == partition && offset >= r.From && offset < r.To);
    }
}
