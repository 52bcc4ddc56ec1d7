using System.Text.RegularExpressions;

namespace KafkaResilience.Cluster.Security;

/// <summary>
/// Masks secrets before text reaches a log, a report or an attachment: the values of secret-looking
/// settings (<see cref="IsSecretKey"/>), <c>key=value</c> / <c>key: value</c> / <c>"key":"value"</c>
/// pairs with such keys inside free text, and every value registered with <see cref="Register"/>
/// wherever it appears. One instance per run or per cluster (no static state).
/// </summary>
public sealed class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>Parts of a setting name that mark its value as secret (case-insensitive).</summary>
    public static readonly IReadOnlyList<string> SecretKeyMarkers =
        ["password", "secret", "token", "jaas", "credential", "apikey", "api.key", "api_key", "private", "ssl.key.pem", "sasl.oauthbearer.config"];

    // key = value | key: value | "key": "value", where the key holds a secret marker; built from the markers so
    // an ordinary "key:" never swallows the secret pair that follows it.
    private static readonly Regex PairPattern = new(
        "(?<key>\"?[A-Za-z0-9_.\\-]*(?:" + string.Join("|", SecretKeyMarkers.Select(Regex.Escape)) + ")[A-Za-z0-9_.\\-]*\"?)"
        + "(?<sep>\\s*[=:]\\s*)(?<value>\"[^\"]*\"|'[^']*'|[^\\s,;&}\\]]+)",
        RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private readonly object _gate = new();
    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);

    /// <summary>Creates a redactor that also masks the given secret values wherever they appear.</summary>
    public SecretRedactor(IEnumerable<string?>? secrets = null)
    {
        foreach (var secret in secrets ?? [])
            Register(secret);
    }

    /// <summary>True when a setting with this name holds a secret (e.g. sasl.password, ssl.key.password, *token*, *secret*).</summary>
    public static bool IsSecretKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var k = key.Trim().Trim('"', '\'');
        return SecretKeyMarkers.Any(marker => k.Contains(marker, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Masks this exact value wherever it appears in text redacted later. Empty values are ignored.</summary>
    public void Register(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
            return;
        lock (_gate)
            _secrets.Add(secret);
    }

    /// <summary>The text with every registered secret and every value of a secret-looking key masked.</summary>
    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return text ?? string.Empty;

        string[] secrets;
        lock (_gate)
            secrets = [.. _secrets.OrderByDescending(s => s.Length)];

        var result = text;
        foreach (var secret in secrets)
            result = result.Replace(secret, Mask, StringComparison.Ordinal);

        return PairPattern.Replace(result, match =>
        {
            if (!IsSecretKey(match.Groups["key"].Value))
                return match.Value;
            var value = match.Groups["value"].Value;
            var quote = value.Length >= 2 && (value[0] == '"' || value[0] == '\'') ? value[0].ToString() : string.Empty;
            return match.Groups["key"].Value + match.Groups["sep"].Value + quote + Mask + quote;
        });
    }

    /// <summary>A copy of the settings with the values of secret keys and registered secrets masked.</summary>
    public IReadOnlyDictionary<string, string> RedactSettings(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var copy = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in settings)
            copy[key] = IsSecretKey(key) ? Mask : Redact(value);
        return copy;
    }

    /// <summary>Settings rendered as "key=value, ..." with secrets masked, for logs and reports.</summary>
    public string Describe(IReadOnlyDictionary<string, string> settings) =>
        string.Join(", ", RedactSettings(settings).Select(kv => $"{kv.Key}={kv.Value}"));
}
