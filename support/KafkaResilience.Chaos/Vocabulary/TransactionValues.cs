using System.Globalization;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Chaos.Vocabulary;

/// <summary>
/// Reads the values of the transaction steps from their text: an isolation level as a consumer setting writes it
/// (read_committed, read_uncommitted) and a count a product owner writes with thousands separators ("5,000"). Each
/// failure is a <see cref="FormatException"/> naming the value and what is allowed.
/// </summary>
public static class TransactionValues
{
    /// <summary>"read_committed" or "read_uncommitted" (any word, judged by <see cref="Isolation"/>).</summary>
    public const string IsolationPattern = @"read_\S+";

    /// <summary>A whole number, with or without thousands separators (any word, judged by <see cref="Count"/>).</summary>
    public const string CountPattern = @"\S+";

    public static ReadIsolation Isolation(string text) => text.Trim() switch
    {
        "read_committed" => ReadIsolation.ReadCommitted,
        "read_uncommitted" => ReadIsolation.ReadUncommitted,
        _ => throw new FormatException($"isolation level must be read_committed or read_uncommitted (got '{text}')"),
    };

    /// <summary>"5,000" or "5000": a whole number of at least 1.</summary>
    public static long Count(string text, string what = "count")
    {
        var digits = text.Trim().Replace(",", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            throw new FormatException($"{what} must be a whole number >= 1, thousands separated by commas or not (got '{text}')");
        return n;
    }
}
