using System.Globalization;
using System.Text.RegularExpressions;

namespace KafkaResilience.Docker.Containers;

/// <summary>
/// Decides whether a container's process has started afresh: its logs (with Docker's timestamps) hold a
/// line matching the process's started pattern, stamped after the previous process ended. A line of the
/// old process proves nothing, and neither does metadata: a killed KRaft broker stays listed until
/// broker.session.timeout.ms has passed. Pure; times are the engine's own.
/// </summary>
public static class StartEvidence
{
    /// <summary>True when a line of <paramref name="timestampedLogs"/> stamped after <paramref name="previousEnd"/> matches <paramref name="startedPattern"/>.</summary>
    public static bool IsFresh(string timestampedLogs, DateTimeOffset previousEnd, Regex startedPattern)
    {
        ArgumentNullException.ThrowIfNull(timestampedLogs);
        ArgumentNullException.ThrowIfNull(startedPattern);
        foreach (var line in timestampedLogs.Split('\n'))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || TryParseDockerTime(line[..space], out var stamped) is false)
                continue;
            if (stamped > previousEnd && startedPattern.IsMatch(line[(space + 1)..]))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Parses a Docker time (RFC 3339 with up to nine fractional digits, as in log timestamps and
    /// State.StartedAt). .NET keeps seven digits: the two below 100 ns are dropped.
    /// </summary>
    public static bool TryParseDockerTime(string text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var trimmed = text.Trim();
        var dot = trimmed.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < trimmed.Length && char.IsAsciiDigit(trimmed[end]))
                end++;
            var digits = trimmed[(dot + 1)..end];
            trimmed = trimmed[..(dot + 1)] + (digits.Length > 7 ? digits[..7] : digits) + trimmed[end..];
        }
        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out time);
    }
}
