using FluentAssertions;
using KafkaResilience.Reporting.Secrets;
using KafkaResilience.Reqnroll.Results;
using KafkaResilience.Reporting.Allure;
using KafkaResilience.Reporting.Summary;
using Xunit;

namespace KafkaResilience.Reporting.Tests.Summary;

/// <summary>
/// The workflow's job-summary step (.ci/job-summary, a script CI runs too) reads the summary.md this library
/// writes: rendered here from a run with every status, it must name each failed or broken scenario with the first
/// line of its verdict, and nothing else.
/// </summary>
public sealed class JobSummaryScriptTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_job_summary_names_every_failed_or_broken_scenario_with_its_one_line_verdict()
    {
        var root = GeneratedReport.RepoRoot;
        Assert.SkipWhen(root is null, "the repository root (KafkaResilience.sln) is not above the test binaries");
        Assert.SkipUnless(GeneratedReport.OnPath("python3"), "python3 is not on PATH");
        // Given the summary.md of a run with passed, failed, broken and skipped scenarios
        var results = SyntheticRun.Results();
        var run = new RunInfo(Scenarios.T0);
        run.Set("profile", "smoke");
        var resultsDir = _dir.Combine("allure-results");
        Directory.CreateDirectory(resultsDir);
        File.WriteAllText(Path.Combine(resultsDir, "summary.md"), MarkdownSummary.Render(run, results, new SecretScrubber([])));
        var jobSummary = _dir.Combine("step-summary.md");
        File.WriteAllText(jobSummary, "earlier step's summary\n");

        // When the script runs as the workflow runs it
        var (exitCode, output) = Run(root!, "KAFKA_RESILIENCE_ALLURE_RESULTS", resultsDir, "GITHUB_STEP_SUMMARY", jobSummary);

        // Then it appends one row per failed or broken scenario, each with the first line of its failure message
        exitCode.Should().Be(0, output);
        var text = File.ReadAllText(jobSummary);
        text.Should().StartWith("earlier step's summary\n", "the job summary is appended to, never replaced");
        text.Should().Contain($"### Chaos suite: {MarkdownSummary.Counts(results, run)}");
        var failing = results.Select(r => (Result: r, Status: AllureStatusResolver.ForScenario(r)))
            .Where(x => x.Status.Status is AllureStatus.Failed or AllureStatus.Broken).ToList();
        failing.Should().NotBeEmpty();
        var rows = text.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Feature |", StringComparison.Ordinal)).ToList();
        rows.Should().HaveCount(failing.Count);
        text.Should().Contain($"{failing.Count} scenario(s) failed:");
        foreach (var (result, status) in failing)
        {
            var verdict = (status.Details?.Message ?? string.Empty).Split('\n')[0].Trim();
            var note = (verdict.Length <= MarkdownSummary.MaxNoteLength ? verdict : verdict[..(MarkdownSummary.MaxNoteLength - 1)]).Replace("|", "\\|", StringComparison.Ordinal);
            rows.Should().Contain(r => r.Contains(result.Scenario.ScenarioTitle, StringComparison.Ordinal)
                && r.Contains($"| {status.Status} |", StringComparison.Ordinal)
                && r.Contains(note, StringComparison.Ordinal), result.Scenario.ScenarioTitle);
        }
    }

    [Fact]
    public void Without_a_summary_the_step_fails_saying_the_suite_wrote_no_results()
    {
        var root = GeneratedReport.RepoRoot;
        Assert.SkipWhen(root is null, "the repository root (KafkaResilience.sln) is not above the test binaries");
        Assert.SkipUnless(GeneratedReport.OnPath("python3"), "python3 is not on PATH");

        var (exitCode, output) = Run(root!, "KAFKA_RESILIENCE_ALLURE_RESULTS", _dir.Combine("nothing-here"), "GITHUB_STEP_SUMMARY", _dir.Combine("s.md"));

        exitCode.Should().Be(1);
        output.Should().Contain("the suite wrote no results");
    }

    private static (int ExitCode, string Output) Run(string root, params string[] environment)
    {
        var arguments = new List<string> { "-i" };
        for (var i = 0; i < environment.Length; i += 2)
            arguments.Add($"{environment[i]}={environment[i + 1]}");
        arguments.AddRange(["PATH=" + Environment.GetEnvironmentVariable("PATH"), "python3", Path.Combine(root, ".ci", "job-summary")]);
        return GeneratedReport.Run("env", [.. arguments]);
    }
}
