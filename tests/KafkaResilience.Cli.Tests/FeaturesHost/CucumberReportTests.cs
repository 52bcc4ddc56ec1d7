using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using KafkaResilience.Cli.Tests.Support;

namespace KafkaResilience.Cli.Tests.FeaturesHost;

/// <summary>
/// Reqnroll's own reports beside Allure: a feature run by the suite as the README runs it writes the Cucumber Messages
/// (ndjson) and the Cucumber HTML report, and the report renders in headless Chromium, lists every scenario and shows a
/// failed step's message. Needs no cluster: one scenario only lets time pass, the other holds a value the vocabulary refuses.
/// </summary>
public sealed partial class CucumberReportTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    private readonly string _features = Directory.CreateTempSubdirectory("kr-cucumber-features-").FullName;

    public void Dispose() => Directory.Delete(_features, recursive: true);

    [Fact]
    public async Task The_suite_writes_a_cucumber_html_report_that_renders_every_scenario_and_a_failed_step_s_message()
    {
        // Given: two scenarios, one that passes and one whose step fails with the vocabulary's answer
        if (!File.Exists(Chromium))
        {
            Environment.GetEnvironmentVariable("CI").Should().NotBe("true", "CI installs Chromium (.ci/install-prerequisites)");
            Assert.Skip($"{Chromium} is not installed; .ci/install-prerequisites installs it");
        }

        File.WriteAllText(Path.Combine(_features, "report.feature"), """
            @cucumber-report
            Feature: Cucumber report check
              Scenario: time passes quietly
                When 1 second has passed

              Scenario: a count the vocabulary refuses
                Then the number of lost mesages is 0
            """);

        // When: the suite runs it
        using var run = FeaturesHostRun.Start("Category=cucumber-report", new Dictionary<string, string?> { ["KAFKA_RESILIENCE_FEATURES"] = _features });
        var exit = await run.WaitForExitAsync(TimeSpan.FromMinutes(3));

        // Then: the run fails (one scenario failed), and both Cucumber reports are written where the setting says
        exit.Should().Be(2, run.Output);
        var folder = Path.Combine(run.Folders.Work, "cucumber");
        var messages = File.ReadAllLines(Path.Combine(folder, "cucumber-messages.ndjson")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        messages.Count(m => m.TryGetProperty("pickle", out _)).Should().Be(2);
        messages.Count(m => m.TryGetProperty("testCaseFinished", out _)).Should().Be(2);
        var statuses = messages.Where(m => m.TryGetProperty("testStepFinished", out _))
            .Select(m => m.GetProperty("testStepFinished").GetProperty("testStepResult").GetProperty("status").GetString()).ToList();
        statuses.Should().Contain("PASSED").And.Contain("FAILED");

        // Then: the HTML report renders in a browser with both scenarios and the failed step's message
        var text = await RenderedTextAsync(Path.Combine(folder, "cucumber-report.html"));
        text.Should().Contain("Cucumber report check").And.Contain("time passes quietly").And.Contain("a count the vocabulary refuses");
        text.Should().Contain("the count must be one of: lost messages");
        text.Should().Contain("50% (1 / 2) passed");
    }

    /// <summary>The visible text of an HTML file after headless Chromium ran its scripts (the report renders itself from its messages).</summary>
    private static async Task<string> RenderedTextAsync(string html)
    {
        var profile = Directory.CreateTempSubdirectory("kr-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(Chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", "--virtual-time-budget=10000",
                         "--dump-dom", new Uri(html).AbsoluteUri,
                     })
            {
                start.ArgumentList.Add(argument);
            }

            using var chromium = Process.Start(start)!;
            var dom = chromium.StandardOutput.ReadToEndAsync();
            _ = chromium.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await chromium.WaitForExitAsync(timeout.Token);
            }
            finally
            {
                if (!chromium.HasExited) chromium.Kill(entireProcessTree: true);
            }

            var withoutCode = Code().Replace(await dom, " ");
            return Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(withoutCode, " ")), " ");
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex Code();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
