namespace KafkaResilience.Gherkin;

/// <summary>
/// The run profile from <c>KAFKA_RESILIENCE_PROFILE</c>: "smoke" (default, small numbers CI can run) or
/// "full" (the seed report's numbers). Scenarios and Examples tagged @smoke or @full run only in their profile.
/// </summary>
public sealed record RunProfile(string Name)
{
    public const string EnvironmentVariable = "KAFKA_RESILIENCE_PROFILE";
    public const string Smoke = "smoke";
    public const string Full = "full";

    public static readonly IReadOnlyList<string> Allowed = [Smoke, Full];

    /// <summary>How every skip reason of a case that belongs to another profile starts, so reports and counts tell it apart.</summary>
    public const string NotInProfilePrefix = "not in this profile:";

    /// <summary>Reads a setting; null or empty means smoke. Returns null with an error naming the variable for anything else.</summary>
    public static RunProfile? Parse(string? value, out string? error)
    {
        error = null;
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return new RunProfile(Smoke);
        var known = Allowed.FirstOrDefault(a => string.Equals(a, trimmed, StringComparison.OrdinalIgnoreCase));
        if (known is not null) return new RunProfile(known);
        error = $"{EnvironmentVariable}='{value}' is not a profile; allowed values: {string.Join(", ", Allowed)} (default {Smoke}).";
        return null;
    }

    /// <summary>Why a case with these tags does not run in this profile, or null when it runs.</summary>
    public string? SkipReason(IReadOnlyList<string> tags)
    {
        var profiles = Allowed.Where(p => tags.Contains(p, StringComparer.OrdinalIgnoreCase)).ToList();
        if (profiles.Count == 0 || profiles.Contains(Name)) return null;
        return $"{NotInProfilePrefix} profile '{profiles[0]}' only; running profile '{Name}' (set {EnvironmentVariable}={profiles[0]})";
    }
}
