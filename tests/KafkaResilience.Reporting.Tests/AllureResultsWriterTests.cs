using System.Text;
using System.Text.Json;
using FluentAssertions;
using KafkaResilience.Reporting.Allure;
using KafkaResilience.Reporting.Secrets;
using KafkaResilience.Reqnroll.Results;
using KafkaResilience.Reporting.Charts;
using Xunit;

namespace KafkaResilience.Reporting.Tests;

public sealed class AllureResultsWriterTests : IDisposable
{
    private const string SaslPassword = "s3cr3t-Sasl+Pa55/word";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private ReportingOptions Options(bool clean = true, IReadOnlyDictionary<string, string>? env = null) => new()
    {
        ResultsDirectory = _dir.Path,
        Clean = clean,
        Secrets = [SaslPassword],
        RepositoryRoot = "/repo",
        Environment = name => env is not null && env.TryGetValue(name, out var v) ? v : null,
    };

    private static void Run(AllureResultsWriter writer, params ScenarioResult[] results)
    {
        var run = new RunInfo(Scenarios.T0);
        writer.RunStarting(run);
        foreach (var result in results)
        {
            writer.ScenarioFinished(result);
        }

        run.Set("target", "embedded librdkafka 2.16.0 mock cluster");
        writer.RunFinished(run);
    }

    private JsonElement[] ReadAll(string suffix) =>
        Directory.GetFiles(_dir.Path, "*" + suffix).Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.Clone()).ToArray();

    [Fact]
    public void A_result_file_has_the_Allure_2_fields_with_their_types()
    {
        Run(new AllureResultsWriter(Options()), Scenarios.Failed(new Xunit.Sdk.XunitException("messages lost: 3")));

        var file = Directory.GetFiles(_dir.Path, "*-result.json").Should().ContainSingle().Subject;
        var result = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
        Path.GetFileName(file).Should().Be(result.GetProperty("uuid").GetString() + "-result.json");
        foreach (var name in new[] { "uuid", "historyId", "testCaseId", "fullName", "name", "status", "stage" })
        {
            result.GetProperty(name).ValueKind.Should().Be(JsonValueKind.String, name);
        }

        result.GetProperty("start").ValueKind.Should().Be(JsonValueKind.Number);
        result.GetProperty("stop").GetInt64().Should().BeGreaterThanOrEqualTo(result.GetProperty("start").GetInt64());
        result.GetProperty("status").GetString().Should().Be("failed");
        result.GetProperty("stage").GetString().Should().Be("finished");
        var details = result.GetProperty("statusDetails");
        details.GetProperty("message").GetString().Should().Be("messages lost: 3");
        details.GetProperty("trace").GetString().Should().Contain("XunitException");
        details.GetProperty("known").ValueKind.Should().Be(JsonValueKind.False);
        foreach (var name in new[] { "labels", "links", "parameters", "steps", "attachments" })
        {
            result.GetProperty(name).ValueKind.Should().Be(JsonValueKind.Array, name);
        }

        var label = result.GetProperty("labels")[0];
        label.GetProperty("name").GetString().Should().Be("feature");
        label.GetProperty("value").GetString().Should().Be("Broker loss");
        var step = result.GetProperty("steps")[1];
        step.GetProperty("name").GetString().Should().Be("Then no acknowledged message is lost");
        step.GetProperty("status").GetString().Should().Be("failed");
        step.GetProperty("steps").ValueKind.Should().Be(JsonValueKind.Array);
    }

    [Fact]
    public void Attachments_are_written_before_the_result_that_references_them()
    {
        var chart = new ChartRenderer().RenderThroughput(new ThroughputChart("t", [new(0, 1), new(1, 2)], [], [], [], []));
        Run(new AllureResultsWriter(Options()), Scenarios.Passed(attachments: [ReportAttachments.Png("throughput", chart)]));

        var result = ReadAll("-result.json").Single();
        var sources = result.GetProperty("attachments").EnumerateArray()
            .Concat(result.GetProperty("steps").EnumerateArray().SelectMany(s => s.GetProperty("attachments").EnumerateArray()))
            .Select(a => a.GetProperty("source").GetString()!).ToList();
        sources.Should().HaveCount(4);
        sources.Should().OnlyContain(s => File.Exists(Path.Combine(_dir.Path, s)));
        File.ReadAllBytes(Path.Combine(_dir.Path, sources[0])).Should().Equal(chart);
        Directory.GetFiles(_dir.Path, "*.partial").Should().BeEmpty();
    }

    [Fact]
    public void A_container_names_the_result_it_wraps()
    {
        Run(new AllureResultsWriter(Options()), Scenarios.Passed(hooks: [Scenarios.Hook("StartCluster", before: true), Scenarios.Hook("Heal", before: false)]));

        var result = ReadAll("-result.json").Single();
        var container = ReadAll("-container.json").Single();
        container.GetProperty("children").EnumerateArray().Select(c => c.GetString()).Should().Equal(result.GetProperty("uuid").GetString());
        container.GetProperty("befores")[0].GetProperty("name").GetString().Should().Be("BeforeScenario: StartCluster");
        container.GetProperty("afters")[0].GetProperty("status").GetString().Should().Be("passed");
        container.GetProperty("start").ValueKind.Should().Be(JsonValueKind.Number);
    }

    [Fact]
    public void The_history_id_is_the_same_in_two_runs_and_the_uuid_is_not()
    {
        var scenarios = new[] { Scenarios.Passed(), Scenarios.Skipped("no Docker") };
        Run(new AllureResultsWriter(Options()), scenarios);
        var first = ReadAll("-result.json").ToDictionary(r => r.GetProperty("name").GetString()!);

        Run(new AllureResultsWriter(Options()), scenarios);
        var second = ReadAll("-result.json").ToDictionary(r => r.GetProperty("name").GetString()!);

        second.Keys.Should().BeEquivalentTo(first.Keys);
        foreach (var (name, result) in second)
        {
            result.GetProperty("historyId").GetString().Should().Be(first[name].GetProperty("historyId").GetString());
            result.GetProperty("uuid").GetString().Should().NotBe(first[name].GetProperty("uuid").GetString());
        }
    }

    [Fact]
    public void A_run_clears_the_previous_results_but_keeps_the_readme_and_the_history()
    {
        File.WriteAllText(_dir.Combine("README.md"), "keep me");
        Directory.CreateDirectory(_dir.Combine("history"));
        File.WriteAllText(_dir.Combine("history", "history.json"), "{}");
        File.WriteAllText(_dir.Combine("old-result.json"), "{}");
        Directory.CreateDirectory(_dir.Combine("stale"));

        Run(new AllureResultsWriter(Options()), Scenarios.Passed());

        File.Exists(_dir.Combine("README.md")).Should().BeTrue();
        File.Exists(_dir.Combine("history", "history.json")).Should().BeTrue();
        File.Exists(_dir.Combine("old-result.json")).Should().BeFalse();
        Directory.Exists(_dir.Combine("stale")).Should().BeFalse();
    }

    [Fact]
    public void With_clean_off_the_previous_results_stay()
    {
        Run(new AllureResultsWriter(Options()), Scenarios.Passed());
        Run(new AllureResultsWriter(Options(clean: false)), Scenarios.Passed());

        ReadAll("-result.json").Should().HaveCount(2);
    }

    [Fact]
    public void Categories_executor_and_environment_are_written()
    {
        Run(new AllureResultsWriter(Options()), Scenarios.Passed());

        var categories = JsonDocument.Parse(File.ReadAllText(_dir.Combine("categories.json"))).RootElement;
        categories.GetArrayLength().Should().Be(ReportCategories.Categories().Count);
        categories[0].GetProperty("name").GetString().Should().Be("Messages lost");
        categories[0].GetProperty("matchedStatuses")[0].GetString().Should().Be("failed");
        categories[0].GetProperty("messageRegex").GetString().Should().Contain("messages lost:");

        var executor = JsonDocument.Parse(File.ReadAllText(_dir.Combine("executor.json"))).RootElement;
        executor.GetProperty("type").GetString().Should().Be("local");
        executor.GetProperty("reportName").GetString().Should().Be("KafkaResilience");

        var properties = File.ReadAllLines(_dir.Combine("environment.properties"));
        properties.Should().Contain("target=embedded librdkafka 2.16.0 mock cluster");
        properties.Should().Contain(l => l.StartsWith("machine.cores=", StringComparison.Ordinal));
        properties.Should().Contain(l => l.StartsWith("machine.memory=", StringComparison.Ordinal));
        properties.Should().Contain(l => l.StartsWith("os=", StringComparison.Ordinal));
    }

    [Fact]
    public void On_GitHub_Actions_the_executor_names_the_workflow_run()
    {
        var env = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true", ["GITHUB_SERVER_URL"] = "https://github.com", ["GITHUB_REPOSITORY"] = "o/kafka-resilience",
            ["GITHUB_RUN_ID"] = "99", ["GITHUB_RUN_NUMBER"] = "17", ["GITHUB_WORKFLOW"] = "ci",
        };
        Run(new AllureResultsWriter(Options(env: env)), Scenarios.Passed());

        var executor = JsonDocument.Parse(File.ReadAllText(_dir.Combine("executor.json"))).RootElement;
        executor.GetProperty("type").GetString().Should().Be("github");
        executor.GetProperty("buildName").GetString().Should().Be("ci #17");
        executor.GetProperty("buildOrder").GetInt64().Should().Be(17);
        executor.GetProperty("buildUrl").GetString().Should().Be("https://github.com/o/kafka-resilience/actions/runs/99");
    }

    [Fact]
    public void A_configured_SASL_password_appears_nowhere_under_the_results()
    {
        var leak = $"SASL login as admin with password {SaslPassword} refused";
        var error = Scenarios.Thrown(() => new InvalidOperationException(leak));
        var info = Scenarios.Info(title: $"Connect with {SaslPassword}", examples: [new("password", SaslPassword)]);
        var step = Scenarios.Step("Given ", "Given", $"the password \"{SaslPassword}\"",
            table: new TableRows([["user", "password"], ["admin", SaslPassword]]),
            docString: new DocStringArgument($"sasl.password={SaslPassword}", null),
            attachments: [ReportAttachments.Text("client config", $"sasl.password={SaslPassword}")]) with
        {
            Parameters = [new("measured", $"login refused for admin:{SaslPassword}")],
        };
        var result = Scenarios.Failed(error, info) with
        {
            Steps = [step],
            Attachments = [ReportAttachments.Json("config", $"{{\"password\":\"{SaslPassword}\"}}")],
            Hooks = [Scenarios.Hook("Connect", before: true, StepOutcome.Failed, error)],
        };
        var writer = new AllureResultsWriter(Options());
        var run = new RunInfo(Scenarios.T0);
        writer.RunStarting(run);
        writer.ScenarioFinished(result);
        run.Set("bootstrap", $"SASL_SSL://admin:{SaslPassword}@127.0.0.1:9092");
        writer.RunFinished(run);
        var summary = new MarkdownSummaryWriter(Options());
        summary.RunStarting(run);
        summary.ScenarioFinished(result);
        summary.RunFinished(run);

        var files = Directory.GetFiles(_dir.Path, "*", SearchOption.AllDirectories);
        files.Length.Should().BeGreaterThanOrEqualTo(9);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            text.Should().NotContain(SaslPassword, file);
            text.Should().NotContain("s3cr3t", file);
        }

        File.ReadAllText(Directory.GetFiles(_dir.Path, "*-result.json").Single()).Should().Contain(SecretScrubber.Mask);
        foreach (var json in Directory.GetFiles(_dir.Path, "*.json"))
        {
            var parse = () => JsonDocument.Parse(File.ReadAllText(json));
            parse.Should().NotThrow(json);
        }
    }

    [Fact]
    public void A_secret_equal_to_a_field_name_does_not_break_the_json()
    {
        var writer = new AllureResultsWriter(Options() with { Secrets = ["status", "name"] });

        Run(writer, Scenarios.Passed());

        var result = ReadAll("-result.json").Single();
        result.GetProperty("status").GetString().Should().Be("passed");
    }

    [Fact]
    public void Options_that_cannot_work_are_refused_naming_the_setting()
    {
        var relative = () => new AllureResultsWriter(Options() with { ResultsDirectory = "allure-results" });

        relative.Should().Throw<ArgumentException>().WithMessage("*ResultsDirectory*KAFKA_RESILIENCE_ALLURE_RESULTS*");
    }

    [Fact]
    public void Scenarios_finished_on_many_threads_each_get_their_files()
    {
        var writer = new AllureResultsWriter(Options());
        writer.RunStarting(new RunInfo(Scenarios.T0));

        Parallel.For(0, 40, i => writer.ScenarioFinished(Scenarios.Passed(Scenarios.Info(title: $"row {i}", line: i + 1))));

        ReadAll("-result.json").Select(r => r.GetProperty("name").GetString()).Should().HaveCount(40).And.OnlyHaveUniqueItems();
    }
}
