using KafkaResilience.Reqnroll.Xunit;
using Xunit;

namespace KafkaResilience.Features;

/// <summary>
/// Every feature file in <c>features/</c> reads as scenarios that can run: it parses, every scenario has steps,
/// every Examples table has distinct columns and rows. A file that does not would fail as its own case anyway;
/// this names every such file at once, in a second, whatever the profile or filter of the run.
/// </summary>
public sealed class FeatureFileCheck
{
    [Fact]
    public void Every_feature_file_reads_as_scenarios_that_can_run()
    {
        var settings = FeatureHostSettings.For(typeof(FeatureFileCheck).Assembly);
        Assert.Null(settings.ConfigurationError);

        var problems = settings.LoadCases().Where(c => c.Error is not null).Select(c => c.Error!).Distinct().ToList();

        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) in the feature files:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }
}
