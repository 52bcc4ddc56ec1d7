using System.Globalization;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// The words a report uses for each cause a checker can prove for acknowledged messages that were not read (the
/// checkers' numbers "below-log-start", "lost-never-reached", "lost-overwritten", "lost-without-offset"), and the
/// counts of a verdict by those words.
/// </summary>
public static class LossCauseNames
{
    /// <summary>Checker number -> what the report calls it, in the order reports list them.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> ByNumber =
    [
        new("below-log-start", "below the log-start offset (retention)"),
        new("lost-never-reached", "lost: never reached by a consumer"),
        new("lost-overwritten", "lost: overwritten (its offset was read with other content)"),
        new("lost-without-offset", "lost: acknowledged without an offset (acks=0)"),
    ];

    /// <summary>The causes with a count above zero among a verdict's numbers, by name, in report order.</summary>
    public static IReadOnlyDictionary<string, long> CountsIn(IReadOnlyDictionary<string, double> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (number, name) in ByNumber)
        {
            if (numbers.TryGetValue(number, out var count) && count > 0) counts[name] = (long)count;
        }
        return counts;
    }

    /// <summary>"153,944 below the log-start offset (retention); 2 lost: never reached by a consumer", or null when there is none.</summary>
    public static string? Describe(IReadOnlyDictionary<string, long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts.Count == 0 ? null : string.Join("; ", counts.Select(c => $"{c.Value.ToString("N0", CultureInfo.InvariantCulture)} {c.Key}"));
    }
}
