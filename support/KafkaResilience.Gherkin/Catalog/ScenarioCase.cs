using KafkaResilience.Gherkin.Results;

namespace KafkaResilience.Gherkin;

/// <summary>
/// One runnable test case: a scenario or one outline row, ready to run; or a case that can only fail
/// (a malformed feature file, an invalid setting) whose <see cref="Error"/> says what is wrong and where.
/// </summary>
public sealed record ScenarioCase(
    ScenarioInfo Info,
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
}
