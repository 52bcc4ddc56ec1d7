using System.Globalization;
using System.Text.RegularExpressions;
using KafkaResilience.Chaos.Scenario;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.Consuming;

namespace KafkaResilience.Chaos.Vocabulary;

/// <summary>
/// Reads the values of the step vocabulary from the text of a step (the parameter types of <c>steps/</c> call
/// it). Each pattern takes the shape of the value loosely, so that a value the vocabulary cannot take is
/// answered with what is allowed ("message count must be a whole number >= 1"), never with an invitation to
/// write a new step for a typo. Every failure is a <see cref="FormatException"/> naming the value and what it got.
/// </summary>
public static partial class StepValues
{
    /// <summary>"N messages of S bytes" (any word in place of N and S, judged by <see cref="Batch"/>).</summary>
    public const string BatchPattern = @"\S+ messages? of \S+ bytes?";

    /// <summary>"a producer", "N producers", "N threads sharing one producer".</summary>
    public const string ProducersPattern = @"a producer|\S+ producers?|\S+ threads? sharing one producer";

    /// <summary>"at R messages per second" or "as fast as it can" / "as fast as they can".</summary>
    public const string PacePattern = @"at \S+ messages? per second|as fast as (?:it|they) can";

    /// <summary>"105, 106 and 108", "106 and 108", "105".</summary>
    public const string BrokerIdsPattern = @"\d+(?:(?:,\s*|\s+and\s+)\d+)*";

    /// <summary>"p99 latency was at most 500 ms" (any word in place of the measure, the bound and the number).</summary>
    public const string LatencyPattern = @"\S+ latency was at \S+ \S+ ms";

    /// <summary>"0", "12" or "reported" (any word, judged by <see cref="CountExpectation.Parse"/>).</summary>
    public const string ExpectedCountPattern = @"\S+";

    /// <summary>A delivery count's name ("lost messages", ...): anything up to " is ".</summary>
    public const string DeliveryCountPattern = @".+?";

    /// <summary>"automatically" or "after processing".</summary>
    public const string CommitModePattern = @"automatically|after processing";

    /// <summary>The latency measures a bound may name, as a feature writes them.</summary>
    public static readonly IReadOnlyDictionary<string, LatencyMeasure> LatencyMeasures = new Dictionary<string, LatencyMeasure>(StringComparer.OrdinalIgnoreCase)
    {
        ["p50"] = LatencyMeasure.P50, ["p95"] = LatencyMeasure.P95, ["p99"] = LatencyMeasure.P99, ["p99.9"] = LatencyMeasure.P999,
        ["max"] = LatencyMeasure.Max, ["average"] = LatencyMeasure.Mean,
    };

    /// <summary>"60000 messages of 100 bytes".</summary>
    public static MessageBatch Batch(string text)
    {
        var match = BatchShape().Match(text.Trim());
        if (!match.Success) throw new FormatException($"'{text}' is not \"N messages of S bytes\".");
        return new MessageBatch(
            WholeNumber(match.Groups["count"].Value, "message count", 1, long.MaxValue),
            (int)WholeNumber(match.Groups["size"].Value, "message size", 1, 100_000_000, "a whole number of bytes"));
    }

    /// <summary>"a producer" (1 x 1), "4 producers" (4 x 1), "2 threads sharing one producer" (1 x 2).</summary>
    public static ProducerSetup Producers(string text)
    {
        var trimmed = text.Trim();
        if (trimmed == "a producer") return new ProducerSetup(1, 1);
        var words = trimmed.Split(' ', 2);
        if (words.Length == 2 && words[1].StartsWith("thread", StringComparison.Ordinal))
            return new ProducerSetup(1, (int)WholeNumber(words[0], "thread count", 1, 256));
        if (words.Length == 2 && words[1].StartsWith("producer", StringComparison.Ordinal))
            return new ProducerSetup((int)WholeNumber(words[0], "producer count", 1, 256), 1);
        throw new FormatException($"'{text}' names no producers; write \"a producer\", \"N producers\" or \"N threads sharing one producer\".");
    }

    /// <summary>"at 20000 messages per second" or "as fast as it can".</summary>
    public static SendPace Pace(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("as fast as", StringComparison.Ordinal)) return SendPace.AsFastAsPossible;
        var rate = trimmed.Split(' ') is [_, var value, ..] ? value : trimmed;
        if (double.TryParse(rate.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var perSecond)
            && perSecond > 0 && double.IsFinite(perSecond))
            return new SendPace(perSecond);
        throw new FormatException($"rate must be a number of messages per second > 0 or 'as fast as it can' (got '{rate}').");
    }

    /// <summary>
    /// "105, 106 and 108": broker ids, in the order written. Whether Kafka takes them as one cluster's (distinct, ...) is
    /// the cluster's rule, <see cref="KafkaResilience.Cluster.KafkaNames.BrokerIdsProblem"/>, answered when the cluster is asked for.
    /// </summary>
    public static IReadOnlyList<int> BrokerIds(string text)
    {
        var ids = Digits().Matches(text).Select(m => (int)WholeNumber(m.Value, "broker id", 0, int.MaxValue)).ToList();
        if (ids.Count == 0) throw new FormatException($"broker ids must be whole numbers such as \"105, 106 and 108\" (got '{text}').");
        return ids;
    }

    /// <summary>"p99 latency was at most 500 ms".</summary>
    public static LatencyBound Latency(string text)
    {
        var words = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is not [var measure, "latency", "was", "at", var side, var number, "ms"])
            throw new FormatException($"'{text}' is not \"<measure> latency was at most|least N ms\".");
        if (!LatencyMeasures.TryGetValue(measure, out var which))
            throw new FormatException($"latency measure must be one of {string.Join(", ", LatencyMeasures.Keys)} (got '{measure}').");
        var direction = side switch
        {
            "most" => BoundDirection.AtMost,
            "least" => BoundDirection.AtLeast,
            _ => throw new FormatException($"a latency bound must be 'at most' or 'at least' (got 'at {side}')."),
        };
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var ms) || ms <= 0 || !double.IsFinite(ms))
            throw new FormatException($"a latency bound must be a number of milliseconds > 0 (got '{number}').");
        return new LatencyBound(which, direction, ms);
    }

    /// <summary>"lost messages", "messages written twice", ... (see <see cref="DeliveryCountChecker.Words"/>).</summary>
    public static DeliveryCount Count(string text)
    {
        var trimmed = text.Trim();
        foreach (var count in Enum.GetValues<DeliveryCount>())
            if (DeliveryCountChecker.Words(count) == trimmed) return count;
        throw new FormatException($"the count must be one of: {string.Join(", ", Enum.GetValues<DeliveryCount>().Select(DeliveryCountChecker.Words))} (got '{trimmed}').");
    }

    /// <summary>"automatically" or "after processing".</summary>
    public static CommitMode Commit(string text) => text.Trim() switch
    {
        "automatically" => CommitMode.Auto,
        "after processing" => CommitMode.AfterProcessing,
        _ => throw new FormatException($"a commit mode must be 'automatically' or 'after processing' (got '{text}')."),
    };

    private static long WholeNumber(string text, string what, long min, long max, string shape = "a whole number")
    {
        if (long.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            return n;
        var range = max == long.MaxValue || max == int.MaxValue ? $">= {min}" : $"from {min} to {max:N0}";
        throw new FormatException($"{what} must be {shape} {range} (got '{text}').");
    }

    [GeneratedRegex(@"^(?<count>\S+) messages? of (?<size>\S+) bytes?$", RegexOptions.CultureInvariant)]
    private static partial Regex BatchShape();

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();
}
