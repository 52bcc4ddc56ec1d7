using System.Text;
using KafkaResilience.Reporting.Secrets;
using KafkaResilience.Reqnroll.Results;
using KafkaResilience.Reporting.Summary;

namespace KafkaResilience.Reporting;

/// <summary>
/// Writes <c>summary.md</c> into the results folder when the run finishes: one table per feature and the
/// numbers scenarios attached as tables (see <see cref="MarkdownSummary"/>), secrets masked.
/// </summary>
public sealed class MarkdownSummaryWriter : IRunListener
{
    private readonly ReportingOptions _options;
    private readonly SecretScrubber _scrubber;
    private readonly List<ScenarioResult> _results = [];
    private readonly Lock _gate = new();

    /// <summary>Options from the environment (see <see cref="ReportingOptions.FromProcessEnvironment"/>); used by the runner.</summary>
    public MarkdownSummaryWriter()
        : this(ReportingOptions.FromProcessEnvironment())
    {
    }

    public MarkdownSummaryWriter(ReportingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _scrubber = new SecretScrubber(options.Secrets);
    }

    /// <summary>Where the summary is written.</summary>
    public string SummaryPath => Path.Combine(_options.ResultsDirectory, ReportingOptions.SummaryFileName);

    public void RunStarting(RunInfo run)
    {
        lock (_gate)
        {
            _results.Clear();
        }
    }

    public void ScenarioFinished(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_gate)
        {
            _results.Add(result);
        }
    }

    public void RunFinished(RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(run);
        List<ScenarioResult> results;
        lock (_gate)
        {
            results = [.. _results];
        }

        Directory.CreateDirectory(_options.ResultsDirectory);
        File.WriteAllText(SummaryPath, MarkdownSummary.Render(run, results, _scrubber), new UTF8Encoding(false));
    }
}
