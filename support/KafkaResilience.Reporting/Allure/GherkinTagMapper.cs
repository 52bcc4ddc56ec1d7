using System.Text.RegularExpressions;

namespace KafkaResilience.Reporting.Allure;

/// <summary>
/// Reads tags the way Allure.Reqnroll does: a severity word (<c>@critical</c>) is the severity,
/// <c>@allure.label.NAME:VALUE</c> a label, <c>@allure.owner:</c>/<c>epic:</c>/<c>story:</c>/<c>suite:</c>/
/// <c>parentSuite:</c>/<c>subSuite:</c> their labels, <c>@allure.issue:</c>/<c>@allure.tms:</c>/<c>@allure.link:</c>
/// links; every other tag is a <c>tag</c> label.
/// </summary>
public static partial class GherkinTagMapper
{
    /// <summary>Allure's severity words, most severe first.</summary>
    public static IReadOnlyList<string> SeverityWords { get; } = ["blocker", "critical", "normal", "minor", "trivial"];

    /// <summary>Maps tags given without their leading '@' (one is stripped if present).</summary>
    public static GherkinTagMapping Map(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var labels = new List<AllureLabel>();
        var links = new List<AllureLink>();
        foreach (var raw in tags)
        {
            var tag = raw.Trim().TrimStart('@');
            if (tag.Length == 0)
            {
                continue;
            }

            Match match;
            if (SeverityWords.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                labels.Add(new AllureLabel("severity", tag.ToLowerInvariant()));
            }
            else if ((match = LabelPattern().Match(tag)).Success)
            {
                labels.Add(new AllureLabel(match.Groups[1].Value, match.Groups[2].Value));
            }
            else if ((match = NamedLabelPattern().Match(tag)).Success)
            {
                labels.Add(new AllureLabel(match.Groups[1].Value, match.Groups[2].Value));
            }
            else if ((match = LinkPattern().Match(tag)).Success)
            {
                var type = match.Groups[1].Value;
                var target = match.Groups[2].Value;
                links.Add(new AllureLink(target, target, type));
            }
            else
            {
                labels.Add(new AllureLabel("tag", tag));
            }
        }

        return new GherkinTagMapping(labels, links);
    }

    [GeneratedRegex(@"^allure\.label\.([^:]+):(.+)$")]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"^allure\.(owner|epic|story|suite|parentSuite|subSuite):(.+)$")]
    private static partial Regex NamedLabelPattern();

    [GeneratedRegex(@"^allure\.(issue|tms|link):(.+)$")]
    private static partial Regex LinkPattern();
}
