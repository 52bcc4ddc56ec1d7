namespace KafkaResilience.Reqnroll.Catalog;

/// <summary>
/// Which scenario rows a run selects by their tags (the features host's profiles, e.g. a small one for CI and the
/// full-sized one): a row it does not select is listed and reported as skipped with the reason, counted apart
/// from the rows a target cannot run. The host knows nothing of the profiles' names or their setting.
/// </summary>
public interface IRunProfile
{
    /// <summary>How every reason a profile gives starts, so that reports and counts tell such rows apart.</summary>
    public const string NotInProfilePrefix = "not in this profile:";

    /// <summary>The profile's name, as reports show it.</summary>
    string Name { get; }

    /// <summary>Why a row with these tags (without '@') is not in this profile (starting with <see cref="NotInProfilePrefix"/>), or null when it runs.</summary>
    string? SkipReason(IReadOnlyList<string> tags);
}
