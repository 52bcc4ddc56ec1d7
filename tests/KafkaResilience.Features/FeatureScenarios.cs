using Xunit;
using KafkaResilience.Gherkin.Xunit;

[assembly: GherkinHost("features", MarkerFile = "KafkaResilience.sln", EnvironmentVariable = "KAFKA_RESILIENCE_FEATURES")]
[assembly: AssemblyFixture(typeof(GherkinRunFixture))]

namespace KafkaResilience.Features;

/// <summary>
/// Runs every scenario (and outline row) of the repository's <c>features/</c> as its own xUnit test, one at a
/// time: scenarios share one machine and its cluster ports. Bindings come from <c>steps/</c>.
/// </summary>
public sealed class FeatureScenarios(GherkinRunFixture run)
{
    [Theory(SkipTestWithoutData = true)]
    [GherkinScenarios]
    public Task Scenario(string id) => run.RunAsync(id);
}
