using KafkaResilience.Reqnroll.Catalog;

namespace KafkaResilience.Reqnroll.Tests.Harness;

/// <summary>The self-hosted features' profile: the smoke rows run, the full ones are skipped with the profile's reason.</summary>
public sealed class SmokeProfile : IRunProfile
{
    public string Name => TagProfile.Smoke.Name;

    public string? SkipReason(IReadOnlyList<string> tags) => TagProfile.Smoke.SkipReason(tags);
}
