using KafkaResilience.Reqnroll.Results;

namespace KafkaResilience.Reqnroll.Catalog;

/// <summary>
/// One runnable test case: a scenario or one outline row, ready to run, with the feature it belongs to and the
/// index of its pickle there (what Reqnroll's Cucumber Messages know it by); or a case that can only fail (a
/// malformed feature file, an invalid setting) whose <see cref="Error"/> says what is wrong and where.
/// </summary>
public sealed record ScenarioCase(
    ScenarioRowInfo Info,
    IReadOnlyList<string> FeatureTags,
    IReadOnlyList<ScenarioStep> Steps,
    string? SkipReason,
    TimeSpan Timeout,
    string? Error)
{
    /// <summary>The default scenario timeout; a scenario tag <c>@timeout:&lt;seconds&gt;</c> overrides it.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(20);

    /// <summary>True when <see cref="SkipReason"/> is the run profile's (the case belongs to another profile).</summary>
    public bool NotInProfile { get; init; }

    /// <summary>The feature file it comes from, parsed; null for a configuration case.</summary>
    public FeatureDocument? Feature { get; init; }

    /// <summary>Its pickle's index in <see cref="FeatureDocument.Pickles"/>; null when it has none (it only fails).</summary>
    public int? PickleIndex { get; init; }

    /// <summary>The tags of the rule it is in (without '@'); empty outside a rule.</summary>
    public IReadOnlyList<string> RuleTags { get; init; } = [];

    /// <summary>The rule's description, or null.</summary>
    public string? RuleDescription { get; init; }

    /// <summary>Its own tags and those of its Examples block (without '@'), not those it inherits.</summary>
    public IReadOnlyList<string> OwnTags { get; init; } = [];
}
