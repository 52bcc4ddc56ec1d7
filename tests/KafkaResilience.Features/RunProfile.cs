using KafkaResilience.Reqnroll.Catalog;
using KafkaResilience.Reqnroll.Xunit;

namespace KafkaResilience.Features;

/// <summary>
/// The run profile from <c>KAFKA_RESILIENCE_PROFILE</c>: "smoke" (default, small numbers CI can run) or "full" (the seed
/// report's numbers). Scenarios and Examples tagged @smoke or @full run only in their profile; the others are listed and
/// reported skipped with a reason that names the variable. An invalid value stops the host before anything runs.
/// </summary>
public sealed class RunProfile : IRunProfile, IHostConfigurationCheck
{
    public const string EnvironmentVariable = "KAFKA_RESILIENCE_PROFILE";
    public const string Smoke = "smoke";
    public const string Full = "full";

    public static readonly IReadOnlyList<string> Allowed = [Smoke, Full];

    private readonly string? _error;

    /// <summary>The profile the process environment names (smoke when it names none).</summary>
    public RunProfile()
        : this(Environment.GetEnvironmentVariable(EnvironmentVariable))
    {
    }

    /// <summary>The profile a setting names; null or empty means smoke, anything else but the allowed values is an error.</summary>
    public RunProfile(string? setting)
    {
        var trimmed = setting?.Trim();
        var known = string.IsNullOrEmpty(trimmed) ? Smoke : Allowed.FirstOrDefault(a => string.Equals(a, trimmed, StringComparison.OrdinalIgnoreCase));
        Name = known ?? Smoke;
        if (known is null) _error = $"{EnvironmentVariable}='{setting}' is not a profile; allowed values: {string.Join(", ", Allowed)} (default {Smoke}).";
    }

    public string Name { get; }

    public IReadOnlyList<string> Errors() => _error is null ? [] : [_error];

    public string? SkipReason(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var profiles = Allowed.Where(p => tags.Contains(p, StringComparer.OrdinalIgnoreCase)).ToList();
        if (profiles.Count == 0 || profiles.Contains(Name)) return null;
        return $"{IRunProfile.NotInProfilePrefix} profile '{profiles[0]}' only; running profile '{Name}' (set {EnvironmentVariable}={profiles[0]})";
    }
}
