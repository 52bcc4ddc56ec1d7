namespace KafkaResilience.Reporting.Secrets;

/// <summary>
/// Which names hold secrets (an environment variable, a key of the target settings file): a name that contains one of
/// <see cref="Words"/>, in any case. Their values are what every report masks.
/// </summary>
public static class SecretNames
{
    /// <summary>Shortest value of a secret-looking environment variable that is masked (shorter ones are flags, not secrets).</summary>
    public const int MinimumSecretLength = 4;

    /// <summary>Words that make a variable's or a key's value a secret to mask.</summary>
    public static IReadOnlyList<string> Words { get; } = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "CREDENTIAL", "API_KEY", "APIKEY"];

    /// <summary>True when a variable or settings key of this name holds a secret.</summary>
    public static bool IsSecret(string name) => Words.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>Values of secret-looking variables, long enough to be secrets.</summary>
    public static IReadOnlyList<string> DiscoverSecrets(IEnumerable<KeyValuePair<string, string>> variables) =>
        variables
            .Where(v => IsSecret(v.Key))
            .Select(v => v.Value)
            .Where(v => v.Length >= MinimumSecretLength)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
