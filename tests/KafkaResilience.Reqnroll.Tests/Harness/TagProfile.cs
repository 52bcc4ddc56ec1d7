using KafkaResilience.Reqnroll.Catalog;

namespace KafkaResilience.Reqnroll.Tests.Harness;

/// <summary>A run profile of the tests' own: rows tagged @smoke or @full run only in that profile, as the features host's do.</summary>
public sealed class TagProfile(string name) : IRunProfile
{
    public static readonly TagProfile Smoke = new("smoke");
    public static readonly TagProfile Full = new("full");

    public string Name { get; } = name;

    public string? SkipReason(IReadOnlyList<string> tags)
    {
        var profiles = new[] { "smoke", "full" }.Where(p => tags.Contains(p, StringComparer.OrdinalIgnoreCase)).ToList();
        return profiles.Count == 0 || profiles.Contains(Name) ? null : $"{IRunProfile.NotInProfilePrefix} profile '{profiles[0]}' only; running profile '{Name}'";
    }
}
