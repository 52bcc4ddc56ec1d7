using KafkaResilience.Reqnroll.Xunit;
using Reqnroll.Plugins;
using Xunit;
using Xunit.v3;

[assembly: FeatureHost("features", MarkerFile = "KafkaResilience.sln", EnvironmentVariable = "KAFKA_RESILIENCE_FEATURES",
    Profile = typeof(KafkaResilience.Features.RunProfile), ConfigurationCheck = typeof(KafkaResilience.Features.TargetSettingsCheck))]
[assembly: RuntimePlugin(typeof(KafkaResilience.Features.FeaturesPlugin))]
[assembly: AssemblyFixture(typeof(FeatureRun))]
[assembly: TestPipelineStartup(typeof(FeatureHostStartup))]

namespace KafkaResilience.Features;

/// <summary>
/// Runs every scenario (and outline row) of the repository's <c>features/</c> as its own xUnit test on Reqnroll's runtime,
/// one at a time and feature by feature: scenarios share one machine and its cluster ports. Bindings come from
/// <c>steps/</c> (named in reqnroll.json). An invalid setting (profile, features folder, target) stops the host at
/// start-up with its message, whatever the filter.
/// </summary>
[TestCaseOrderer(typeof(FeatureCaseOrderer))]
public sealed class FeatureScenarios(FeatureRun run)
{
    [Theory(SkipTestWithoutData = true)]
    [FeatureScenarios]
    public Task Scenario(string id) => run.RunAsync(id);
}
