using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace KafkaResilience.Reporting.Tests;

/// <summary>
/// Runs the repository's own <c>.ci/allure-report</c> (the script CI and the workflow run) twice in a row on the same
/// results, with the real Allure command line: the second report must carry the first one's history, so its trend
/// has two points. Skipped, with the reason, where the CLI or Java is missing (.ci/allure-report --install-only).
/// </summary>
public sealed class AllureHistoryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Two_renders_in_a_row_give_the_second_report_a_trend_of_two_runs()
    {
        var root = GeneratedReport.RepoRoot;
        Assert.SkipWhen(root is null, "the repository root (KafkaResilience.sln) is not above the test binaries");
        Assert.SkipUnless(File.Exists(Path.Combine(root!, ".ci", "out", "allure-cli", "node_modules", ".bin", "allure")),
            "the Allure CLI is not installed: run .ci/allure-report --install-only");
        Assert.SkipUnless(GeneratedReport.OnPath("java"), "java is not on PATH; the Allure CLI needs it");
        var script = Path.Combine(root!, ".ci", "allure-report");
        var results = _dir.Combine("allure-results");
        var report = _dir.Combine("allure-report");
        SyntheticRun.WriteTo(results);

        // Given a first render: its trend has the one run
        var first = GeneratedReport.Run("bash", script, results, report);
        first.ExitCode.Should().Be(0, first.Output);
        Trend(report).Should().HaveCount(1);

        // When the same script renders the next run's results into the same report folder
        var second = GeneratedReport.Run("bash", script, results, report);

        // Then the report's history has both runs, the newest first, each with the statuses of its run
        second.ExitCode.Should().Be(0, second.Output);
        var trend = Trend(report);
        trend.Should().HaveCount(2);
        trend.Should().AllSatisfy(point => point.GetProperty("data").GetProperty("total").GetInt32().Should().Be(SyntheticRun.Results().Count));
        File.Exists(Path.Combine(report, "history", "duration-trend.json")).Should().BeTrue();
        File.Exists(Path.Combine(report, "history", "categories-trend.json")).Should().BeTrue("the judged failure categories are trended too");
        var history = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "history", "history.json"))).RootElement;
        history.EnumerateObject().Should().NotBeEmpty().And.AllSatisfy(test =>
            test.Value.GetProperty("items").GetArrayLength().Should().Be(2, "each scenario's own history holds both runs"));
    }

    private static List<JsonElement> Trend(string report) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "history", "history-trend.json"))).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
}
