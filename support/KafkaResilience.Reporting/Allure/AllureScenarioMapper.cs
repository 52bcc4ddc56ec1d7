using System.Text;
using KafkaResilience.Reqnroll.Results;

namespace KafkaResilience.Reporting.Allure;

/// <summary>
/// Turns one <see cref="ScenarioResult"/> into Allure 2 records, the way Allure.Reqnroll maps Gherkin: feature and
/// suite are the feature title, the rule the sub-suite, tags become labels and links, outline columns parameters,
/// steps steps (DataTable as a CSV and DocString as a text attachment; what a step reported, such as a judged step's
/// bound and measured value, its parameters), hooks fixtures of a container. A row of another run profile gets the
/// tag "not in this profile" and a status message starting with that phrase, so it is counted apart. Pure: no IO.
/// </summary>
public sealed class AllureScenarioMapper
{
    /// <summary>Value of the <c>framework</c> label.</summary>
    public const string Framework = "Reqnroll";

    /// <summary>Value of the <c>language</c> label.</summary>
    public const string Language = "C#";

    /// <summary>The tag a row of another run profile carries in the report.</summary>
    public const string NotInProfileTag = "not in this profile";

    private readonly Func<Guid> _newId;
    private readonly string? _repositoryRoot;
    private readonly string _host;

    public AllureScenarioMapper(Func<Guid> newId, string? repositoryRoot, string host)
    {
        _newId = newId ?? throw new ArgumentNullException(nameof(newId));
        _repositoryRoot = repositoryRoot;
        _host = string.IsNullOrWhiteSpace(host) ? throw new ArgumentException("host must not be empty", nameof(host)) : host;
    }

    /// <summary>Maps <paramref name="result"/>; <paramref name="thread"/> names the thread that ran it (timeline row).</summary>
    public MappedScenario Map(ScenarioResult result, string thread)
    {
        ArgumentNullException.ThrowIfNull(result);
        var files = new List<AllureFile>();
        var uuid = _newId().ToString();
        var info = result.Scenario;
        var (status, details) = AllureStatusResolver.ForScenario(result);

        var steps = result.Steps.Select(s => MapStep(s, files)).ToList();
        var attachments = result.Attachments.Select(a => AddFile(a.Name, a.MediaType, a.Content, a.FileExtension, files)).ToList();

        var tagMapping = GherkinTagMapper.Map(info.Tags);
        var labels = new List<AllureLabel> { new("feature", info.FeatureTitle) };
        if (!tagMapping.Labels.Any(l => l.Name == "suite"))
        {
            labels.Add(new AllureLabel("suite", info.FeatureTitle));
        }

        if (!string.IsNullOrWhiteSpace(info.RuleTitle) && !tagMapping.Labels.Any(l => l.Name == "subSuite"))
        {
            labels.Add(new AllureLabel("subSuite", info.RuleTitle));
        }

        labels.AddRange(tagMapping.Labels);
        if (result.NotInProfile)
        {
            labels.Add(new AllureLabel("tag", NotInProfileTag));
        }

        if (!labels.Any(l => l.Name == "severity"))
        {
            labels.Add(new AllureLabel("severity", "normal"));
        }

        labels.Add(new AllureLabel("host", _host));
        labels.Add(new AllureLabel("thread", thread));
        labels.Add(new AllureLabel("framework", Framework));
        labels.Add(new AllureLabel("language", Language));

        var featureFile = StableIds.Relative(info.FeatureFile, _repositoryRoot);
        var name = info.ExampleValues.Count == 0
            ? info.ScenarioTitle
            : $"{info.ScenarioTitle} [{string.Join(", ", info.ExampleValues.Select(v => $"{v.Key}: {v.Value}"))}]";
        var testResult = new AllureTestResult(
            uuid,
            StableIds.HistoryId(info, _repositoryRoot),
            StableIds.TestCaseId(info, _repositoryRoot),
            $"{featureFile}:{info.Line} {info.FeatureTitle} › {name}",
            name,
            string.IsNullOrWhiteSpace(info.ScenarioDescription) ? null : info.ScenarioDescription.Trim(),
            status,
            details,
            AllureStatus.StageFinished,
            Millis(result.Start),
            Millis(result.Stop),
            labels,
            tagMapping.Links,
            info.ExampleValues.Select(v => new AllureParameter(v.Key, v.Value)).ToList(),
            steps,
            attachments);

        var container = result.Hooks.Count == 0
            ? null
            : new AllureTestResultContainer(
                _newId().ToString(),
                $"Hooks of {name}",
                [uuid],
                result.Hooks.Where(h => h.IsBefore).Select(MapHook).ToList(),
                result.Hooks.Where(h => !h.IsBefore).Select(MapHook).ToList(),
                result.Hooks.Min(h => Millis(h.Start)),
                result.Hooks.Max(h => Millis(h.Stop)));
        return new MappedScenario(testResult, container, files);
    }

    /// <summary>A DataTable as CSV (RFC 4180 quoting), header row first.</summary>
    public static string ToCsv(TableRows table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var csv = new StringBuilder();
        foreach (var row in table.Rows)
        {
            csv.Append(string.Join(',', row.Select(CsvCell))).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>One CSV cell, quoted when it holds a comma, quote or line break.</summary>
    public static string CsvCell(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;

    private AllureStepResult MapStep(StepResult step, List<AllureFile> files)
    {
        var (status, details) = AllureStatusResolver.ForStep(step);
        var attachments = new List<AllureAttachment>();
        if (step.DataTable is not null)
        {
            attachments.Add(AddFile("Data table", MediaTypes.Csv, Encoding.UTF8.GetBytes(ToCsv(step.DataTable)), "csv", files));
        }

        if (step.DocString is not null)
        {
            var mediaType = MediaTypes.ForDocString(step.DocString.MediaType);
            attachments.Add(AddFile("Doc string", mediaType, Encoding.UTF8.GetBytes(step.DocString.Content), null, files));
        }

        attachments.AddRange(step.Attachments.Select(a => AddFile(a.Name, a.MediaType, a.Content, a.FileExtension, files)));
        return new AllureStepResult(
            $"{StepKeywords.Resolve(step)} {step.Text}",
            status,
            details,
            AllureStatus.StageFinished,
            Millis(step.Start),
            Millis(step.Stop),
            [],
            attachments,
            step.Parameters.Select(p => new AllureParameter(p.Name, p.Value)).ToList());
    }

    private static AllureFixtureResult MapHook(HookResult hook)
    {
        var (status, details) = AllureStatusResolver.ForHook(hook);
        return new AllureFixtureResult(
            $"{hook.Kind}: {hook.Method}", status, details, AllureStatus.StageFinished, Millis(hook.Start), Millis(hook.Stop), [], [], []);
    }

    private AllureAttachment AddFile(string name, string mediaType, byte[] content, string? extension, List<AllureFile> files)
    {
        var type = string.IsNullOrWhiteSpace(mediaType) ? "application/octet-stream" : mediaType;
        var fileName = $"{_newId()}-attachment.{MediaTypes.Extension(extension, type)}";
        files.Add(new AllureFile(fileName, type, content));
        return new AllureAttachment(name, fileName, type);
    }

    private static long Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds();
}
