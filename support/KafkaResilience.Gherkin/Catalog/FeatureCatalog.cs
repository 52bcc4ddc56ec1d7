using System.Globalization;
using System.Text.RegularExpressions;
using Gherkin;
using Gherkin.Ast;
using KafkaResilience.Gherkin.Results;

namespace KafkaResilience.Gherkin;

/// <summary>
/// Reads every <c>*.feature</c> under a folder into test cases: one per Scenario and one per Examples row,
/// with backgrounds (feature and rule) prepended, outline values substituted, tags inherited, skip reasons
/// (@ignore, profile) decided. A file that does not parse becomes one failing case naming file:line:column;
/// the other files are unaffected.
/// </summary>
public static class FeatureCatalog
{
    public const string IgnoreTag = "ignore";
    public const string TimeoutTagPrefix = "timeout:";

    private static readonly Regex Placeholder = new("<([^<>]+)>", RegexOptions.CultureInvariant);

    /// <summary>Every case under <paramref name="root"/> (sorted by file path), judged against <paramref name="profile"/>.</summary>
    public static IReadOnlyList<ScenarioCase> Load(string root, RunProfile profile)
    {
        if (!Directory.Exists(root))
        {
            return [ConfigurationCase("features", $"The features folder '{root}' does not exist.")];
        }

        return Directory.EnumerateFiles(root, "*.feature", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(root, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .SelectMany(f => LoadFile(f.Full, f.Relative, profile))
            .ToList();
    }

    /// <summary>The cases of one file; <paramref name="relativePath"/> names it in ids and messages.</summary>
    public static IReadOnlyList<ScenarioCase> LoadFile(string path, string relativePath, RunProfile profile)
    {
        GherkinDocument document;
        try
        {
            using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
            document = new Parser().Parse(reader);
        }
        catch (CompositeParserException e)
        {
            return [ParseErrorCase(path, relativePath, e.Errors)];
        }
        catch (ParserException e)
        {
            return [ParseErrorCase(path, relativePath, [e])];
        }

        return document.Feature is null ? [] : Expand(document.Feature, relativePath, profile).ToList();
    }

    /// <summary>A case that only fails with <paramref name="message"/> (e.g. an invalid profile setting).</summary>
    public static ScenarioCase ConfigurationCase(string name, string message) =>
        new(new ScenarioInfo($"configuration:{name}", string.Empty, "Configuration", null, null, name, null, 0, "en", [], []),
            [], [], null, ScenarioCase.DefaultTimeout, message);

    private static ScenarioCase ParseErrorCase(string path, string relativePath, IEnumerable<ParserException> errors)
    {
        var lines = errors.Select(e =>
        {
            var location = e.Location;
            var text = Regex.Replace(e.Message, @"^\(\d+:\d+\):\s*", string.Empty);
            return location is { } l ? $"{path}:{l.Line}:{l.Column}: {text}" : $"{path}: {text}";
        });
        var message = $"The feature file {relativePath} cannot be parsed:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
        var info = new ScenarioInfo(relativePath, relativePath, relativePath, null, null, "the feature file cannot be parsed", null, 0, "en", [], []);
        return new ScenarioCase(info, [], [], null, ScenarioCase.DefaultTimeout, message);
    }

    private static IEnumerable<ScenarioCase> Expand(Feature feature, string file, RunProfile profile)
    {
        var featureTags = TagNames(feature.Tags);
        var featureBackground = feature.Children.OfType<Background>().FirstOrDefault();
        foreach (var child in feature.Children)
        {
            switch (child)
            {
                case Scenario scenario:
                    foreach (var c in ExpandScenario(feature, featureTags, null, [], featureBackground, null, scenario, file, profile)) yield return c;
                    break;
                case Rule rule:
                    var ruleTags = TagNames(rule.Tags);
                    var ruleBackground = rule.Children.OfType<Background>().FirstOrDefault();
                    foreach (var scenario in rule.Children.OfType<Scenario>())
                    {
                        foreach (var c in ExpandScenario(feature, featureTags, rule, ruleTags, featureBackground, ruleBackground, scenario, file, profile)) yield return c;
                    }

                    break;
            }
        }
    }

    private static IEnumerable<ScenarioCase> ExpandScenario(
        Feature feature, IReadOnlyList<string> featureTags, Rule? rule, IReadOnlyList<string> ruleTags,
        Background? featureBackground, Background? ruleBackground, Scenario scenario, string file, RunProfile profile)
    {
        var baseTags = Distinct([.. featureTags, .. ruleTags, .. TagNames(scenario.Tags)]);
        var background = (featureBackground?.Steps ?? []).Concat(ruleBackground?.Steps ?? []).ToList();
        var examples = scenario.Examples.ToList();
        var line = scenario.Location.Line;
        if (examples.Count == 0)
        {
            yield return Build(feature, featureTags, rule, scenario, file, $"{file}:{line}", line, scenario.Name, baseTags, [], background, scenario.Steps, profile);
            yield break;
        }

        var rowIndex = 0;
        foreach (var block in examples)
        {
            if (block.TableHeader is null) continue;
            var header = block.TableHeader.Cells.Select(c => c.Value).ToList();
            var tags = Distinct([.. baseTags, .. TagNames(block.Tags)]);
            foreach (var row in block.TableBody)
            {
                rowIndex++;
                var values = header.Zip(row.Cells.Select(c => c.Value), (h, v) => new KeyValuePair<string, string>(h, v)).ToList();
                yield return Build(feature, featureTags, rule, scenario, file, $"{file}:{line}:{rowIndex}", row.Location.Line,
                    Substitute(scenario.Name, values), tags, values, background, scenario.Steps, profile);
            }
        }
    }

    private static ScenarioCase Build(
        Feature feature, IReadOnlyList<string> featureTags, Rule? rule, Scenario scenario, string file, string id, int line, string title,
        IReadOnlyList<string> tags, IReadOnlyList<KeyValuePair<string, string>> values,
        IReadOnlyList<Step> background, IEnumerable<Step> steps, RunProfile profile)
    {
        var info = new ScenarioInfo(id, file, feature.Name, Blank(feature.Description), rule?.Name, title, Blank(scenario.Description),
            line, feature.Language, tags, values);
        var expanded = new List<ScenarioStep>();
        var previous = StepKeyword.Given;
        foreach (var (step, fromBackground) in background.Select(s => (s, true)).Concat(steps.Select(s => (s, false))))
        {
            previous = step.KeywordType switch
            {
                StepKeywordType.Context => StepKeyword.Given,
                StepKeywordType.Action => StepKeyword.When,
                StepKeywordType.Outcome => StepKeyword.Then,
                _ => previous,
            };
            var table = step.DataTable is null
                ? null
                : new DataTableRows(step.DataTable.Rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => Substitute(c.Value, values)).ToList()).ToList());
            var docString = step.DocString is null
                ? null
                : new DocStringArgument(Substitute(step.DocString.Content, values), Blank(step.DocString.ContentType));
            expanded.Add(new ScenarioStep(step.Keyword.Trim(), previous, Substitute(step.Text, values), step.Location.Line, table, docString, fromBackground,
                step.Keyword.EndsWith(' ') || step.Keyword.Trim() == "*"));
        }

        string? error = null;
        var timeout = ScenarioCase.DefaultTimeout;
        var timeoutTag = tags.LastOrDefault(t => t.StartsWith(TimeoutTagPrefix, StringComparison.OrdinalIgnoreCase));
        if (timeoutTag is not null)
        {
            if (int.TryParse(timeoutTag[TimeoutTagPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            {
                timeout = TimeSpan.FromSeconds(seconds);
            }
            else
            {
                error = $"{file}:{line}: tag @{timeoutTag} is not a timeout; write @timeout:<seconds> with a whole number of seconds above 0.";
            }
        }

        var skip = tags.Contains(IgnoreTag, StringComparer.OrdinalIgnoreCase)
            ? "ignored by the @ignore tag"
            : profile.SkipReason(tags);
        return new ScenarioCase(info, featureTags, expanded, skip, timeout, error);
    }

    private static string Substitute(string text, IReadOnlyList<KeyValuePair<string, string>> values) =>
        values.Count == 0
            ? text
            : Placeholder.Replace(text, m =>
            {
                foreach (var pair in values)
                {
                    if (pair.Key == m.Groups[1].Value) return pair.Value;
                }

                return m.Value;
            });

    private static IReadOnlyList<string> TagNames(IEnumerable<Tag> tags) => tags.Select(t => t.Name.TrimStart('@')).ToList();

    private static IReadOnlyList<string> Distinct(IEnumerable<string> tags) => tags.Distinct(StringComparer.Ordinal).ToList();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
