using System.Globalization;
using System.Text.RegularExpressions;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Consuming;

/// <summary>
/// An offset reset as librdkafka logs it (facility OFFSET, a warning when a fetch error caused it):
/// "topic [2]: offset reset (at offset 17271 (leader epoch 1), broker 105) to cached BEGINNING offset
/// offset 176823 (leader epoch -1): fetch failed due to requested offset not available on the broker:
/// Broker: Offset out of range". <paramref name="At"/> is the offset the consumer was about to read
/// (null when the line names none); <paramref name="Kind"/> where the reset went.
/// </summary>
internal sealed partial record OffsetResetNotice(string Topic, int Partition, long? At, OffsetResetKind Kind, string Target, string Reason)
{
    /// <summary>Reads a reset out of a log line of librdkafka; false for any other line.</summary>
    public static bool TryParse(string message, out OffsetResetNotice notice)
    {
        notice = null!;
        if (string.IsNullOrEmpty(message) || !message.Contains("offset reset (at ", StringComparison.Ordinal)) return false;
        var m = Line().Match(message);
        if (!m.Success || !int.TryParse(m.Groups["partition"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var partition)) return false;
        long? at = long.TryParse(m.Groups["at"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : null;
        var cached = m.Groups["cached"].Success;
        var to = m.Groups["to"].Value;
        var kind = cached || to == "BEGINNING" ? OffsetResetKind.ToLogStart : to == "END" ? OffsetResetKind.ToEnd : OffsetResetKind.Unexplained;
        var target = cached ? $"cached BEGINNING offset {to}" : to;
        notice = new OffsetResetNotice(m.Groups["topic"].Value, partition, at, kind, target, m.Groups["reason"].Value);
        return true;
    }

    [GeneratedRegex(@"^(?:\[thrd:[^\]]*\]: )?(?<topic>.+) \[(?<partition>\d+)\]: offset reset \(at offset (?<at>-?\d+|[A-Z]+[^ ,]*)(?: \(leader epoch -?\d+\))?, broker -?\d+\) to (?<cached>cached BEGINNING offset )?offset (?<to>-?\d+|[A-Z]+[^ :]*)(?: \(leader epoch -?\d+\))?: (?<reason>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Line();
}
