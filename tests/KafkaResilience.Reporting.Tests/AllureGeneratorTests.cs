using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace KafkaResilience.Reporting.Tests;

/// <summary>
/// Renders results written by <see cref="AllureResultsWriter"/> with the real Allure command line and reads the
/// generated report's data. Skipped, with the reason, where the CLI or Java is not installed (.ci/allure-report installs it).
/// </summary>
public sealed class AllureGeneratorTests(GeneratedReport generated) : IClassFixture<GeneratedReport>
{
    private string Generate()
    {
        Assert.SkipWhen(generated.SkipReason is not null, generated.SkipReason ?? string.Empty);
        generated.GenerateExitCode.Should().Be(0, generated.GenerateOutput);
        return generated.Report;
    }

    private static JsonElement Read(string file) => JsonDocument.Parse(File.ReadAllText(file)).RootElement.Clone();

    [Fact]
    public void The_generated_report_holds_every_scenario_with_its_status_steps_and_attachments()
    {
        var report = Generate();
        var results = Directory.GetFiles(generated.Results, "*-result.json").Select(Read).ToList();
        var cases = Directory.GetFiles(Path.Combine(report, "data", "test-cases"), "*.json").Select(Read)
            .ToDictionary(c => c.GetProperty("fullName").GetString()!);

        results.Should().HaveCount(SyntheticRun.Results().Count);
        cases.Should().HaveCount(results.Count);
        foreach (var result in results)
        {
            var name = result.GetProperty("name").GetString();
            var found = cases.Should().ContainKey(result.GetProperty("fullName").GetString()!, name).WhoseValue;
            found.GetProperty("name").GetString().Should().Be(name);
            found.GetProperty("status").GetString().Should().Be(result.GetProperty("status").GetString(), name);
            var stage = found.GetProperty("testStage");
            stage.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("name").GetString())
                .Should().Equal(result.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("name").GetString()), name);
            var attachments = stage.GetProperty("attachments").EnumerateArray()
                .Concat(stage.GetProperty("steps").EnumerateArray().SelectMany(s => s.GetProperty("attachments").EnumerateArray())).ToList();
            attachments.Should().HaveCount(result.GetProperty("attachments").GetArrayLength()
                + result.GetProperty("steps").EnumerateArray().Sum(s => s.GetProperty("attachments").GetArrayLength()), name);
            attachments.Select(a => a.GetProperty("source").GetString()!)
                .Where(source => !File.Exists(Path.Combine(report, "data", "attachments", source))).Should().BeEmpty(name);
        }

        var killed = cases.Values.Single(c => c.GetProperty("name").GetString() == "Broker 106 dies during a send and nothing is lost");
        killed.GetProperty("beforeStages").GetArrayLength().Should().Be(1);
        killed.GetProperty("afterStages").GetArrayLength().Should().Be(1);
        killed.GetProperty("testStage").GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("type").GetString())
            .Should().Contain("image/png");
        killed.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("type").GetString()).Should().Contain("issue");

        var summary = Read(Path.Combine(report, "widgets", "summary.json")).GetProperty("statistic");
        summary.GetProperty("total").GetInt32().Should().Be(8);
        summary.GetProperty("passed").GetInt32().Should().Be(3);
        summary.GetProperty("failed").GetInt32().Should().Be(1);
        summary.GetProperty("broken").GetInt32().Should().Be(2);
        summary.GetProperty("skipped").GetInt32().Should().Be(2);
    }

    [Fact]
    public void The_report_files_the_scenarios_under_our_categories_and_shows_the_environment()
    {
        var report = Generate();

        var categories = Read(Path.Combine(report, "data", "categories.json")).GetProperty("children").EnumerateArray()
            .ToDictionary(
                c => c.GetProperty("name").GetString()!,
                c => c.GetProperty("children").EnumerateArray() // category -> message -> test cases
                    .SelectMany(m => m.GetProperty("children").EnumerateArray()).Select(t => t.GetProperty("name").GetString()).ToList());
        categories.Should().ContainKey("Messages lost").WhoseValue.Should().Equal("Producer with acks=1 loses acknowledged messages");
        categories.Should().ContainKey("Undefined step").WhoseValue.Should().Equal("A step nobody wrote");
        categories.Should().ContainKey("Suite defect (broken)").WhoseValue.Should().Equal("Controller failover");

        var environment = Read(Path.Combine(report, "widgets", "environment.json")).EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("values")[0].GetString());
        environment.Should().ContainKey("target").WhoseValue.Should().StartWith("embedded: librdkafka 2.16.0 mock cluster");
        environment.Should().ContainKeys("profile", "commit", "machine.cores", "machine.memory", "os");

        var executor = Read(Path.Combine(report, "widgets", "executors.json"));
        executor[0].GetProperty("reportName").GetString().Should().Be("KafkaResilience");
    }

    [Fact]
    public void The_ci_script_checks_the_report_and_notices_a_disagreement()
    {
        var report = Generate();
        var script = GeneratedReport.RepoRoot is null ? null : Path.Combine(GeneratedReport.RepoRoot, ".ci", "allure-report");
        Assert.SkipWhen(script is null || !File.Exists(script), ".ci/allure-report is not in this checkout");
        Assert.SkipUnless(GeneratedReport.OnPath("node"), "node is not on PATH; the script's check needs it");
        // A copy, so the tampering below does not touch what the other tests read.
        var results = Path.Combine(generated.Root, "results-copy");
        Directory.CreateDirectory(results);
        foreach (var file in Directory.GetFiles(generated.Results))
        {
            File.Copy(file, Path.Combine(results, Path.GetFileName(file)), overwrite: true);
        }


        var (ok, okOutput) = GeneratedReport.Run(script!, "--check-only", results, report);
        ok.Should().Be(0, okOutput);
        okOutput.Should().Contain("8 scenario(s) (3 passed, 1 failed, 2 broken, 2 skipped, 0 not in this profile)");

        // A result whose status differs from the report must be caught.
        var passedFile = Directory.GetFiles(results, "*-result.json").First(f => Read(f).GetProperty("status").GetString() == "passed");
        var tampered = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(passedFile))!;
        tampered["status"] = "failed";
        File.WriteAllText(passedFile, tampered.ToJsonString());
        var (bad, badOutput) = GeneratedReport.Run(script!, "--check-only", results, report);
        bad.Should().NotBe(0);
        badOutput.Should().Contain("is failed in the results but passed in the report");
    }

    [Fact]
    public void Nothing_under_the_results_or_the_report_holds_the_SASL_password()
    {
        var report = Generate();

        foreach (var file in Directory.GetFiles(generated.Root, "*", SearchOption.AllDirectories))
        {
            File.ReadAllText(file).Should().NotContain(SyntheticRun.SaslPassword, file);
        }

        Directory.GetFiles(report, "*", SearchOption.AllDirectories).Should().NotBeEmpty();
    }
}
