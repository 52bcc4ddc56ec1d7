using System.Globalization;
using KafkaResilience.Workloads.Native;

namespace KafkaResilience.Workloads.Producing;

/// <summary>
/// Producer settings given by name (librdkafka names, plus the Java client's <c>buffer.memory</c>,
/// translated), checked against the real client before anything starts: an unknown name is
/// refused with the closest known names, an invalid value with librdkafka's own reason.
/// </summary>
public static class ClientSettings
{
    /// <summary>Settings the workload sets itself; a scenario may not override them.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "bootstrap.servers", "metadata.broker.list", "dr_cb", "dr_msg_cb", "opaque", "log_cb",
    };

    /// <summary>Alias names librdkafka accepts but does not list in its configuration dump (they resolve to canonical names).</summary>
    public static readonly IReadOnlyList<string> Aliases =
    [
        "acks", "retries", "linger.ms", "batch.size", "compression.type", "compression.codec", "max.in.flight",
        "max.in.flight.requests.per.connection", "delivery.timeout.ms", "request.timeout.ms", "buffer.memory",
        "enable.idempotence", "retry.backoff.ms", "batch.num.messages", "queue.buffering.max.messages",
    ];

    /// <summary>
    /// Resolves Java-client names librdkafka lacks (<c>buffer.memory</c> in bytes becomes
    /// <c>queue.buffering.max.kbytes</c>) and validates every setting. Throws <see cref="ArgumentException"/>
    /// naming the setting, with close matches for an unknown name.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ResolveProducerSettings(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in settings)
        {
            if (Reserved.Contains(name))
                throw new ArgumentException($"Producer setting '{name}' is set by the workload itself and cannot be given.", nameof(settings));
            if (name.StartsWith("dotnet.", StringComparison.Ordinal))
                throw new ArgumentException($"Producer setting '{name}' belongs to Confluent's .NET wrapper, which the workload's producer does not use; give librdkafka settings only.", nameof(settings));
            if (name == "buffer.memory")
            {
                if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes) || bytes < 1024)
                    throw new ArgumentException($"Producer setting 'buffer.memory' must be a byte count >= 1024 (got '{value}').", nameof(settings));
                resolved["queue.buffering.max.kbytes"] = (bytes / 1024).ToString(CultureInfo.InvariantCulture);
                continue;
            }
            resolved[name] = value;
        }
        Validate(resolved);
        return resolved;
    }

    /// <summary>Applies each setting to a scratch librdkafka configuration to catch unknown names and bad values.</summary>
    public static void Validate(IReadOnlyDictionary<string, string> settings)
    {
        var rd = RdKafka.Instance;
        var conf = rd.NewConf();
        try
        {
            foreach (var (name, value) in settings)
            {
                if (rd.Set(conf, name, value) is not { } error) continue;
                if (error.Code == RdKafka.ConfUnknown)
                {
                    var close = CloseMatches(name, rd.PropertyNames().Concat(Aliases));
                    throw new ArgumentException(
                        $"Unknown producer setting '{name}'." + (close.Count > 0 ? $" Did you mean: {string.Join(", ", close)}?" : "") +
                        " Names are librdkafka's (https://github.com/confluentinc/librdkafka/blob/master/CONFIGURATION.md).", nameof(settings));
                }
                throw new ArgumentException($"Producer setting '{name}' = '{value}' is invalid: {error.Error}", nameof(settings));
            }
        }
        finally
        {
            rd.DestroyConf(conf);
        }
    }

    /// <summary>Up to five known names closest to <paramref name="name"/> (edit distance, or containing it).</summary>
    public static IReadOnlyList<string> CloseMatches(string name, IEnumerable<string> known) =>
        known.Distinct()
            .Select(k => (Name: k, Distance: k.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(k, StringComparison.OrdinalIgnoreCase) ? 1 : Distance(name, k)))
            .Where(k => k.Distance <= Math.Max(2, name.Length / 4))
            .OrderBy(k => k.Distance).ThenBy(k => k.Name, StringComparer.Ordinal)
            .Take(5).Select(k => k.Name).ToList();

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
