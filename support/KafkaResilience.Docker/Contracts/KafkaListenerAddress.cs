using System.Globalization;

namespace KafkaResilience.Docker.Contracts;

/// <summary>
/// One entry of a Kafka listener list ("NAME://host:port", the host may be empty), as <c>listeners</c>,
/// <c>advertised.listeners</c> and, without the name, <c>controller.quorum.voters</c> spell it.
/// </summary>
public sealed record KafkaListenerAddress(string Name, string Host, int Port)
{
    /// <summary>Parses a comma-separated listener list; null and the reason when an entry is not NAME://host:port.</summary>
    public static (IReadOnlyList<KafkaListenerAddress>? Listeners, string? Error) ParseList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (null, "empty");
        var result = new List<KafkaListenerAddress>();
        foreach (var raw in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var separator = raw.IndexOf("://", StringComparison.Ordinal);
            var colon = raw.LastIndexOf(':');
            if (separator <= 0 || colon <= separator + 2
                || !int.TryParse(raw[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 0 or > 65535)
                return (null, $"'{raw}' is not NAME://host:port");
            result.Add(new KafkaListenerAddress(raw[..separator], raw[(separator + 3)..colon], port));
        }
        return (result, null);
    }

    public override string ToString() => $"{Name}://{Host}:{Port}";
}
