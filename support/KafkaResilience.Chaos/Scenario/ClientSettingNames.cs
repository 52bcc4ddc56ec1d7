using System.Globalization;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// Client settings as features write them. The seed's producer used Java client names; the few
/// that librdkafka spells differently are translated (and the translation is reported), so a
/// feature can quote the seed's settings as they were.
/// </summary>
public static class ClientSettingNames
{
    /// <summary>Translates one setting; returns the librdkafka name and value and a note when it changed anything.</summary>
    public static (string Name, string Value, string? Note) Translate(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = name.Trim();
        switch (trimmed)
        {
            case "buffer.memory":
                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) || bytes < 1024)
                    throw new ArgumentException($"buffer.memory must be a number of bytes >= 1024 (got '{value}').");
                var kb = (bytes / 1024).ToString(CultureInfo.InvariantCulture);
                return ("queue.buffering.max.kbytes", kb, $"Java buffer.memory={value} is librdkafka queue.buffering.max.kbytes={kb}");
            case "delivery.timeout.ms":
                return ("message.timeout.ms", value, $"Java delivery.timeout.ms={value} is librdkafka message.timeout.ms={value}");
            default:
                return (trimmed, value.Trim(), null);
        }
    }
}
