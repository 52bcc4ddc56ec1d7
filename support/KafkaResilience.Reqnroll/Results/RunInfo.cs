namespace KafkaResilience.Reqnroll.Results;

/// <summary>
/// Facts about a whole test run that reports print once (target, profile, machine, commit).
/// Hooks add to <see cref="Properties"/>; values must never hold secrets.
/// </summary>
public sealed class RunInfo
{
    private readonly Dictionary<string, string> _properties = new(StringComparer.Ordinal);

    public RunInfo(DateTimeOffset start) => Start = start;

    public DateTimeOffset Start { get; }

    public IReadOnlyDictionary<string, string> Properties => _properties;

    public void Set(string key, string value)
    {
        lock (_properties) _properties[key] = value;
    }
}
