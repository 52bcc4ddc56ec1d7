using Xunit;
using Xunit.v3;
using KafkaResilience.Gherkin.Xunit;

[assembly: GherkinHost("features", MarkerFile = "KafkaResilience.sln", EnvironmentVariable = "KAFKA_RESILIENCE_FEATURES",
    ConfigurationCheck = typeof(KafkaResilience.Features.TargetSettingsCheck))]
[assembly: AssemblyFixture(typeof(GherkinRunFixture))]
[assembly: TestPipelineStartup(typeof(GherkinHostStartup))]

namespace KafkaResilience.Features;

/// <summary>
/// Runs every scenario (and outline row) of the repository's <c>features/</c> as its own xUnit test, one at a
/// time: scenarios share one machine and its cluster ports. Bindings come from <c>steps/</c>. An invalid
/// setting (profile, features folder, target) stops the host at start-up with its message, whatever the filter.
/// </summary>
public sealed class FeatureScenarios(GherkinRunFixture run)
{
    [Theory(SkipTestWithoutData = true)]
    [GherkinScenarios]
    public Task Scenario(string id) => run.RunAsync(id);
}
