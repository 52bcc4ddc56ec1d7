using System.Globalization;
using System.Text.RegularExpressions;

namespace KafkaResilience.Chaos.Vocabulary;

/// <summary>
/// Reads durations as people write them in features: "500 ms", "2 s", "1.5 minutes", "3 hours",
/// or a TimeSpan literal "00:00:05". Backs the steps' <c>{duration}</c> parameter type and every
/// TimeSpan step argument.
/// </summary>
public static class DurationParser
{
    /// <summary>The regex of the <c>{duration}</c> parameter type (no capture groups).</summary>
    public const string Pattern =
        @"\d+(?:\.\d+)?\s?(?:ms|milliseconds?|millis|s|secs?|seconds?|m|mins?|minutes?|h|hours?)|\d{1,2}:\d{2}:\d{2}(?:\.\d+)?";

    private static readonly Regex Amount = new(
        @"^(?<n>\d+(?:\.\d+)?)\s*(?<u>ms|milliseconds?|millis|s|secs?|seconds?|m|mins?|minutes?|h|hours?)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    public static bool TryParse(string text, out TimeSpan duration)
    {
        var trimmed = text.Trim();
        var match = Amount.Match(trimmed);
        if (match.Success)
        {
            var n = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            var unit = match.Groups["u"].Value.ToLowerInvariant();
            duration = unit switch
            {
                "ms" or "millis" or "millisecond" or "milliseconds" => TimeSpan.FromMilliseconds(n),
                "s" or "sec" or "secs" or "second" or "seconds" => TimeSpan.FromSeconds(n),
                "m" or "min" or "mins" or "minute" or "minutes" => TimeSpan.FromMinutes(n),
                _ => TimeSpan.FromHours(n),
            };
            return true;
        }

        return TimeSpan.TryParseExact(trimmed, ["c", "g"], CultureInfo.InvariantCulture, out duration)
            && trimmed.Contains(':', StringComparison.Ordinal);
    }

    public static TimeSpan Parse(string text) => TryParse(text, out var duration)
        ? duration
        : throw new FormatException(
            $"'{text}' is not a duration; write e.g. \"500 ms\", \"2 s\", \"1.5 minutes\", \"3 hours\" or \"00:00:05\".");
}
