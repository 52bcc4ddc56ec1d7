using System.Text;
using System.Text.Json.Nodes;

namespace KafkaResilience.Reporting.Secrets;

/// <summary>
/// Replaces every configured secret value (a SASL password, a token) with <see cref="Mask"/> in text the
/// reports write, so no secret reaches <c>allure-results/</c> or the summary.
/// </summary>
public sealed class SecretScrubber
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    private readonly string[] _secrets;

    public SecretScrubber(IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        // Longest first, so a secret that contains another is masked whole.
        _secrets = secrets.Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length).ToArray();
    }

    /// <summary>True when there is nothing to scrub.</summary>
    public bool IsEmpty => _secrets.Length == 0;

    /// <summary>The text with every secret masked; null stays null.</summary>
    public string? Scrub(string? text)
    {
        if (text is null || _secrets.Length == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text);
        foreach (var secret in _secrets)
        {
            builder.Replace(secret, Mask);
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="text"/> holds any secret (used to verify written files).</summary>
    public bool Contains(string text) => _secrets.Any(s => text.Contains(s, StringComparison.Ordinal));

    /// <summary>Masks secrets in every string value of a JSON tree, leaving its structure intact.</summary>
    public void ScrubJson(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (obj[key] is JsonValue value && value.TryGetValue<string>(out var s))
                    {
                        obj[key] = Scrub(s);
                    }
                    else
                    {
                        ScrubJson(obj[key]);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var s))
                    {
                        array[i] = Scrub(s);
                    }
                    else
                    {
                        ScrubJson(array[i]);
                    }
                }

                break;
        }
    }
}
