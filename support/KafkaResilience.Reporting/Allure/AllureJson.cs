using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using KafkaResilience.Reporting.Secrets;

namespace KafkaResilience.Reporting.Allure;

/// <summary>How the Allure files are serialized: camelCase field names, nulls left out, readable Unicode, secrets masked.</summary>
public static class AllureJson
{
    /// <summary>The serializer settings of every Allure JSON file.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The JSON text of <paramref name="value"/> with every string value scrubbed of secrets.</summary>
    public static string Serialize<T>(T value, SecretScrubber scrubber)
    {
        ArgumentNullException.ThrowIfNull(scrubber);
        var node = JsonSerializer.SerializeToNode(value, Options);
        scrubber.ScrubJson(node);
        return node?.ToJsonString(Options) ?? "null";
    }
}
