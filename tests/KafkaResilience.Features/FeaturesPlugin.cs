using KafkaResilience.Reporting;
using KafkaResilience.Reqnroll.Results;
using KafkaResilience.Reqnroll.Xunit;

namespace KafkaResilience.Features;

/// <summary>
/// The features host's Reqnroll plugin: the xUnit v3 host's plugin with the product's reports as the run's listeners
/// (Allure 2 results under allure-results/ and the Markdown summary beside them), the run's profile among its facts, and
/// the folder Reqnroll's Cucumber reports go to (<see cref="CucumberReportsVariable"/>, else TestResults/cucumber).
/// </summary>
public sealed class FeaturesPlugin : XunitHostPlugin
{
    /// <summary>Where reqnroll.json's formatters write the Cucumber HTML report and the Cucumber Messages (ndjson).</summary>
    public const string CucumberReportsVariable = "KAFKA_RESILIENCE_CUCUMBER_REPORTS";

    protected override IReadOnlyList<IRunListener> CreateListeners() => [new AllureResultsWriter(), new MarkdownSummaryWriter()];

    protected override void DescribeRun(RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Set("profile", new RunProfile().Name);
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(CucumberReportsVariable)))
        {
            var root = RepositoryRoot.Find(AppContext.BaseDirectory) ?? AppContext.BaseDirectory;
            Environment.SetEnvironmentVariable(CucumberReportsVariable, Path.Combine(root, "TestResults", "cucumber"));
        }

        run.Set("cucumber reports", Environment.GetEnvironmentVariable(CucumberReportsVariable)!);
    }
}
