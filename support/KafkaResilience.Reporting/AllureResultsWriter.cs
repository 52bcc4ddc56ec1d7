using System.Text;
using KafkaResilience.Reporting.Secrets;
using KafkaResilience.Reqnroll.Results;
using KafkaResilience.Reporting.Allure;

namespace KafkaResilience.Reporting;

/// <summary>
/// Writes the run as Allure 2 results (what Allure.Reqnroll would write): per scenario row a
/// <c>{uuid}-result.json</c>, its attachment files and a <c>{uuid}-container.json</c> for its hooks; per run
/// <c>categories.json</c>, <c>executor.json</c> and <c>environment.properties</c>. Clears the previous run's
/// results at the start (keeping <c>README.md</c> and <c>history/</c>) unless told not to, and masks every
/// configured secret in everything it writes. Render with <c>npx allure-commandline serve allure-results</c>.
/// </summary>
public sealed class AllureResultsWriter : IRunListener
{
    /// <summary>Files and folders a clear keeps.</summary>
    public static IReadOnlyList<string> KeptOnClear { get; } = ["README.md", "history"];

    private readonly ReportingOptions _options;
    private readonly SecretScrubber _scrubber;
    private readonly AllureScenarioMapper _mapper;
    private readonly string _host = Environment.MachineName;

    /// <summary>Options from the environment (see <see cref="ReportingOptions.FromProcessEnvironment"/>); used by the runner.</summary>
    public AllureResultsWriter()
        : this(ReportingOptions.FromProcessEnvironment())
    {
    }

    public AllureResultsWriter(ReportingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _scrubber = new SecretScrubber(options.Secrets);
        _mapper = new AllureScenarioMapper(Guid.NewGuid, options.RepositoryRoot, _host);
    }

    /// <summary>The folder results are written to.</summary>
    public string ResultsDirectory => _options.ResultsDirectory;

    public void RunStarting(RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Directory.CreateDirectory(ResultsDirectory);
        if (_options.Clean)
        {
            Clear(ResultsDirectory);
        }

        WriteText("categories.json", AllureJson.Serialize(ReportCategories.Categories(), _scrubber));
        WriteText("executor.json", AllureJson.Serialize(ExecutorDetector.Detect(_options.Environment, _options.ReportName, _host, run.Start), _scrubber));
        WriteEnvironment(run);
    }

    public void ScenarioFinished(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(ResultsDirectory);
        // Pool threads share one name, so the managed id tells parallel scenarios apart on the timeline.
        var thread = $"{Environment.ProcessId}@{_host}.thread-{Environment.CurrentManagedThreadId}";
        var mapped = _mapper.Map(result, thread);
        foreach (var file in mapped.Files)
        {
            var content = MediaTypes.IsText(file.MediaType) && !_scrubber.IsEmpty
                ? Encoding.UTF8.GetBytes(_scrubber.Scrub(Encoding.UTF8.GetString(file.Content))!)
                : file.Content;
            WriteBytes(file.FileName, content);
        }

        // Attachments first, then the result that names them, then the container that names the result.
        WriteText($"{mapped.Result.Uuid}-result.json", AllureJson.Serialize(mapped.Result, _scrubber));
        if (mapped.Container is not null)
        {
            WriteText($"{mapped.Container.Uuid}-container.json", AllureJson.Serialize(mapped.Container, _scrubber));
        }
    }

    public void RunFinished(RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(run);
        // Hooks may have added facts (target, cores, commit) during the run.
        WriteEnvironment(run);
    }

    /// <summary>Deletes everything in <paramref name="directory"/> except <see cref="KeptOnClear"/>.</summary>
    public static void Clear(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            if (KeptOnClear.Contains(entry.Name, StringComparer.Ordinal))
            {
                continue;
            }

            if (entry is DirectoryInfo folder)
            {
                folder.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
    }

    private void WriteEnvironment(RunInfo run) =>
        WriteText("environment.properties", EnvironmentProperties.Render(EnvironmentProperties.WithMachineFacts(run.Properties), _scrubber));

    // Callers scrub: JSON string by string (so a secret equal to a field name cannot break the file), properties by value.
    private void WriteText(string fileName, string text) => WriteBytes(fileName, Encoding.UTF8.GetBytes(text));

    private void WriteBytes(string fileName, byte[] content)
    {
        // Write aside and move, so the generator never reads a half-written file.
        var target = Path.Combine(ResultsDirectory, fileName);
        var temporary = target + ".partial";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, target, overwrite: true);
    }
}
