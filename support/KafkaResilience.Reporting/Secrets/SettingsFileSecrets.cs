using System.Text.Json;

namespace KafkaResilience.Reporting.Secrets;

/// <summary>
/// The secret values held by the target settings file (the JSON file named by
/// KAFKA_RESILIENCE_SETTINGS, e.g. its "saslPassword"): string values of keys
/// whose name holds a word of <see cref="SecretNames.Words"/>, at any depth, so the report masks them as it masks secret
/// environment variables. A missing or malformed file holds none here (the target reports it).
/// </summary>
public static class SettingsFileSecrets
{
    /// <summary>Secret values in the file at <paramref name="path"/>; empty when there is no such file or it is not JSON.</summary>
    public static IReadOnlyList<string> Read(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path)) return [];
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var found = new List<string>();
            Collect(document.RootElement, found, depth: 0);
            return found.Where(v => v.Length >= SecretNames.MinimumSecretLength).Distinct(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private const int MaxDepth = 16;

    private static void Collect(JsonElement element, List<string> found, int depth)
    {
        if (depth > MaxDepth) return;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String && SecretNames.IsSecret(property.Name))
                        found.Add(property.Value.GetString() ?? string.Empty);
                    else
                        Collect(property.Value, found, depth + 1);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Collect(item, found, depth + 1);
                break;
        }
    }
}
