using System.Globalization;
using System.Text.RegularExpressions;
using Gherkin;
using Gherkin.Ast;
using KafkaResilience.Reqnroll.Results;

using Reqnroll.Bindings;

namespace KafkaResilience.Reqnroll.Catalog;

/// <summary>
/// Reads every <c>*.feature</c> under a folder into test cases: one per Scenario and one per Examples row,
/// with backgrounds (feature and rule) prepended, outline values substituted, tags inherited, skip reasons
/// (@ignore, the run profile) decided. A file that does not parse becomes one failing case naming file:line:column;
/// the other files are unaffected. What parses but cannot be a check also becomes a failing case naming
/// file:line and why: a scenario with no steps (a misspelt keyword turns step lines into description text),
/// an Examples table that names a column twice or has no rows, an Examples row that leaves a value its outline
/// uses empty, a feature with no scenarios. Each runnable case knows its feature's Cucumber Messages and pickle.
/// </summary>
public static class FeatureCatalog
{
    public const string IgnoreTag = "ignore";
    public const string TimeoutTagPrefix = "timeout:";

    private static readonly Regex Placeholder = new("<([^<>]+)>", RegexOptions.CultureInvariant);

    /// <summary>Every case under <paramref name="root"/> (sorted by file path), judged against <paramref name="profile"/> (none: every row runs).</summary>
    public static IReadOnlyList<ScenarioCase> Load(string root, IRunProfile? profile)
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
    public static IReadOnlyList<ScenarioCase> LoadFile(string path, string relativePath, IRunProfile? profile)
    {
        GherkinDocument document;
        string text;
        string[] lines;
        try
        {
            text = File.ReadAllText(path, System.Text.Encoding.UTF8);
            lines = text.ReplaceLineEndings("\n").Split('\n');
            document = new Parser().Parse(new StringReader(text));
        }
        catch (CompositeParserException e)
        {
            return [ParseErrorCase(path, relativePath, e.Errors)];
        }
        catch (ParserException e)
        {
            return [ParseErrorCase(path, relativePath, [e])];
        }

        if (document.Feature is null) return [];
        var feature = FeatureDocument.Create(path, relativePath, text, document);
        var cases = Expand(document.Feature, feature, lines, profile).ToList();
        return cases.Count > 0 ? cases : [NoScenariosCase(document.Feature, relativePath) with { Feature = feature }];
    }

    /// <summary>A case that only fails with <paramref name="message"/> (e.g. an invalid profile setting).</summary>
    public static ScenarioCase ConfigurationCase(string name, string message) =>
        new(new ScenarioRowInfo($"configuration:{name}", string.Empty, "Configuration", null, null, name, null, 0, "en", [], []),
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
        var info = new ScenarioRowInfo(relativePath, relativePath, relativePath, null, null, "the feature file cannot be parsed", null, 0, "en", [], []);
        return new ScenarioCase(info, [], [], null, ScenarioCase.DefaultTimeout, message);
    }

    private static IEnumerable<ScenarioCase> Expand(Feature feature, FeatureDocument document, IReadOnlyList<string> lines, IRunProfile? profile)
    {
        var featureTags = TagNames(feature.Tags);
        var featureBackground = feature.Children.OfType<Background>().FirstOrDefault();
        foreach (var child in feature.Children)
        {
            switch (child)
            {
                case Scenario scenario:
                    foreach (var c in ExpandScenario(feature, featureTags, null, [], featureBackground, null, scenario, document, lines, profile)) yield return c;
                    break;
                case Rule rule:
                    var ruleTags = TagNames(rule.Tags);
                    var ruleBackground = rule.Children.OfType<Background>().FirstOrDefault();
                    foreach (var scenario in rule.Children.OfType<Scenario>())
                    {
                        foreach (var c in ExpandScenario(feature, featureTags, rule, ruleTags, featureBackground, ruleBackground, scenario, document, lines, profile)) yield return c;
                    }

                    break;
            }
        }
    }

    private static IEnumerable<ScenarioCase> ExpandScenario(
        Feature feature, IReadOnlyList<string> featureTags, Rule? rule, IReadOnlyList<string> ruleTags,
        Background? featureBackground, Background? ruleBackground, Scenario scenario, FeatureDocument document, IReadOnlyList<string> lines, IRunProfile? profile)
    {
        var file = document.RelativePath;
        var scenarioTags = TagNames(scenario.Tags);
        var baseTags = Distinct([.. featureTags, .. ruleTags, .. scenarioTags]);
        var background = (featureBackground?.Steps ?? []).Concat(ruleBackground?.Steps ?? []).ToList();
        var examples = scenario.Examples.ToList();
        var line = scenario.Location.Line;
        var noSteps = scenario.Steps.Any() ? null : NoStepsError(feature, scenario, file, lines);
        var shared = new Shape(feature, featureTags, rule, ruleTags, scenario, document, background, profile);
        if (examples.Count == 0)
        {
            var single = Build(shared, $"{file}:{line}", line, null, scenario.Name, baseTags, scenarioTags, []);
            yield return noSteps is null ? single : single with { Error = noSteps, PickleIndex = null };
            yield break;
        }

        var rowIndex = 0;
        foreach (var block in examples)
        {
            var blockTags = TagNames(block.Tags);
            var tags = Distinct([.. baseTags, .. blockTags]);
            var own = Distinct([.. scenarioTags, .. blockTags]);
            var header = block.TableHeader?.Cells.Select(c => c.Value).ToList() ?? [];
            var rows = block.TableBody?.ToList() ?? [];
            var blockError = ExamplesError(scenario, block, header, rows.Count, file);
            if (blockError is not null)
            {
                // One failing case stands for the whole table; ids of the other tables' rows stay as they were.
                var blockLine = block.TableHeader?.Location.Line ?? block.Location.Line;
                yield return Build(shared, $"{file}:{line}:{rowIndex + 1}", blockLine, null,
                    $"{scenario.Name} (Examples at line {block.Location.Line})", tags, own, []) with { Error = blockError, PickleIndex = null };
                rowIndex += Math.Max(1, rows.Count);
                continue;
            }

            var rowInBlock = 0;
            foreach (var row in rows)
            {
                rowIndex++;
                rowInBlock++;
                var values = header.Zip(row.Cells.Select(c => c.Value), (h, v) => new KeyValuePair<string, string>(h, v)).ToList();
                var built = Build(shared, $"{file}:{line}:{rowIndex}", row.Location.Line, row.Location.Line,
                    Substitute(scenario.Name, values), tags, own, values);
                var error = noSteps ?? EmptyCellError(scenario, background, values, rowInBlock, row.Location.Line, file);
                yield return error is null ? built : built with { Error = error, PickleIndex = null };
            }
        }
    }

    /// <summary>Why a scenario without steps cannot run: it would check nothing, so it never passes.</summary>
    private static string NoStepsError(Feature feature, Scenario scenario, string file, IReadOnlyList<string> lines)
    {
        var line = scenario.Location.Line;
        var message = $"{file}:{line}: the scenario \"{scenario.Name}\" has no steps, so it would check nothing; a scenario with no steps never passes.";
        var description = Blank(scenario.Description);
        if (description is null)
        {
            return message + " Add its Given/When/Then steps.";
        }

        var first = description.Split('\n')[0].Trim();
        var at = LineOf(lines, first, line);
        return message + $" Gherkin read the lines under it as description text, from {file}:{at}: \"{first}\". "
            + $"Every step line must start with a step keyword ({StepKeywords(feature.Language)}); check the first word of each line for a typo.";
    }

    private static string? ExamplesError(Scenario scenario, Examples block, IReadOnlyList<string> header, int rowCount, string file)
    {
        var line = block.TableHeader?.Location.Line ?? block.Location.Line;
        var duplicate = header.Select((name, index) => (name, index)).GroupBy(c => c.name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            var columns = string.Join(" and ", duplicate.Select(c => (c.index + 1).ToString(CultureInfo.InvariantCulture)));
            return $"{file}:{line}: the Examples table of \"{scenario.Name}\" names the column \"{duplicate.Key}\" twice (columns {columns}); every column needs a name of its own.";
        }

        return header.Count == 0 || rowCount == 0
            ? $"{file}:{line}: the Examples table of \"{scenario.Name}\" has no rows, so the outline would never run; give it a header row and at least one row of values."
            : null;
    }

    /// <summary>
    /// Why a row cannot run when it leaves empty a column the outline puts into a step (its text, table or doc string)
    /// or its title: the step would read "sends  messages", which no step definition means.
    /// </summary>
    private static string? EmptyCellError(Scenario scenario, IReadOnlyList<Step> background, IReadOnlyList<KeyValuePair<string, string>> values, int row, int line, string file)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        void Use(string? text)
        {
            if (text is null) return;
            foreach (Match m in Placeholder.Matches(text)) used.Add(m.Groups[1].Value);
        }

        Use(scenario.Name);
        foreach (var step in background.Concat(scenario.Steps))
        {
            Use(step.Text);
            if (step.Argument is DataTable table)
                foreach (var cell in table.Rows.SelectMany(r => r.Cells)) Use(cell.Value);
            if (step.Argument is DocString doc) Use(doc.Content);
        }

        var empty = values.Where(v => used.Contains(v.Key) && string.IsNullOrWhiteSpace(v.Value)).Select(v => $"<{v.Key}>").ToList();
        return empty.Count == 0
            ? null
            : $"Examples row {row} of \"{scenario.Name}\" ({file}:{line}) leaves {string.Join(" and ", empty)} empty; "
              + "every value the outline uses needs a cell, or the step reads with a gap no step definition means.";
    }

    private static ScenarioCase NoScenariosCase(Feature feature, string file)
    {
        var message = $"{file}:{feature.Location.Line}: the feature \"{feature.Name}\" has no scenarios, so it would check nothing. "
            + "A misspelt \"Scenario:\" keyword makes Gherkin read the scenario as description text.";
        var info = new ScenarioRowInfo($"{file}:{feature.Location.Line}", file, feature.Name, Blank(feature.Description), null,
            "the feature has no scenarios", null, feature.Location.Line, feature.Language, TagNames(feature.Tags), []);
        return new ScenarioCase(info, TagNames(feature.Tags), [], null, ScenarioCase.DefaultTimeout, message);
    }

    /// <summary>The 1-based line, after <paramref name="after"/>, whose text is <paramref name="text"/>; the line after it when not found.</summary>
    private static int LineOf(IReadOnlyList<string> lines, string text, int after)
    {
        for (var i = after; i < lines.Count; i++)
        {
            if (lines[i].Trim() == text) return i + 1;
        }

        return after + 1;
    }

    private static string StepKeywords(string language)
    {
        try
        {
            var dialect = new GherkinDialectProvider().GetDialect(language, null);
            var keywords = dialect.GivenStepKeywords.Concat(dialect.WhenStepKeywords).Concat(dialect.ThenStepKeywords)
                .Concat(dialect.AndStepKeywords).Concat(dialect.ButStepKeywords)
                .Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).OrderBy(k => k == "*").ToList();
            return string.Join(", ", keywords);
        }
        catch (NoSuchLanguageException)
        {
            return "Given, When, Then, And, But, *";
        }
    }

    /// <summary>What every case of one scenario shares.</summary>
    private sealed record Shape(
        Feature Feature, IReadOnlyList<string> FeatureTags, Rule? Rule, IReadOnlyList<string> RuleTags, Scenario Scenario,
        FeatureDocument Document, IReadOnlyList<Step> Background, IRunProfile? Profile);

    private static ScenarioCase Build(
        Shape shape, string id, int line, int? rowLine, string title,
        IReadOnlyList<string> tags, IReadOnlyList<string> ownTags, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        var (feature, featureTags, rule, _, scenario, document, background, profile) = shape;
        var file = document.RelativePath;
        var info = new ScenarioRowInfo(id, file, feature.Name, Blank(feature.Description), rule?.Name, title, Blank(scenario.Description),
            line, feature.Language, tags, values);
        var expanded = new List<ScenarioStep>();
        var previous = StepDefinitionType.Given;
        foreach (var (step, fromBackground) in background.Select(s => (s, true)).Concat(scenario.Steps.Select(s => (s, false))))
        {
            var call = step.KeywordType switch
            {
                StepKeywordType.Context => StepDefinitionKeyword.Given,
                StepKeywordType.Action => StepDefinitionKeyword.When,
                StepKeywordType.Outcome => StepDefinitionKeyword.Then,
                _ => step.Keyword.Trim().Equals("But", StringComparison.OrdinalIgnoreCase) ? StepDefinitionKeyword.But : StepDefinitionKeyword.And,
            };
            previous = call switch
            {
                StepDefinitionKeyword.Given => StepDefinitionType.Given,
                StepDefinitionKeyword.When => StepDefinitionType.When,
                StepDefinitionKeyword.Then => StepDefinitionType.Then,
                _ => previous,
            };
            var table = step.Argument is not DataTable dataTable
                ? null
                : new TableRows(dataTable.Rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => Substitute(c.Value, values)).ToList()).ToList());
            var docString = step.Argument is not DocString doc
                ? null
                : new DocStringArgument(Substitute(doc.Content, values), Blank(doc.ContentType));
            expanded.Add(new ScenarioStep(step.Keyword.Trim(), call, previous, Substitute(step.Text, values), step.Location.Line, table, docString, fromBackground,
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

        var ignored = tags.Contains(IgnoreTag, StringComparer.OrdinalIgnoreCase);
        var skip = ignored ? "ignored by the @ignore tag" : profile?.SkipReason(tags) is { } notHere
            ? notHere.StartsWith(IRunProfile.NotInProfilePrefix, StringComparison.Ordinal) ? notHere : $"{IRunProfile.NotInProfilePrefix} {notHere}"
            : null;
        var pickle = document.PickleIndexOf(scenario.Location.Line, rowLine);
        if (error is null && pickle is null)
            error = $"{file}:{line}: Gherkin's pickle compiler made no test case of this scenario row, so it cannot run.";
        return new ScenarioCase(info, featureTags, expanded, skip, timeout, error)
        {
            NotInProfile = !ignored && skip is not null,
            Feature = document,
            PickleIndex = pickle,
            RuleTags = rule is null ? [] : TagNames(rule.Tags),
            RuleDescription = Blank(rule?.Description),
            OwnTags = ownTags,
        };
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
