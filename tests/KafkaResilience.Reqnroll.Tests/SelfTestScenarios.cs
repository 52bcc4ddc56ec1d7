using KafkaResilience.Reqnroll.Xunit;

[assembly: FeatureHost("SelfTestFeatures", Profile = typeof(KafkaResilience.Reqnroll.Tests.Harness.SmokeProfile))]
[assembly: AssemblyFixture(typeof(FeatureRun))]

namespace KafkaResilience.Reqnroll.Tests;

/// <summary>
/// The host hosting its own features (SelfTestFeatures/, bindings scoped to @self-test) through the same xUnit fixture as
/// the product's host: proves discovery, display names, traits, backgrounds, outlines, tables, doc strings, another
/// language, skips and output end to end on Reqnroll's runtime.
/// </summary>
[TestCaseOrderer(typeof(FeatureCaseOrderer))]
public sealed class SelfTestScenarios(FeatureRun run)
{
    [Theory(SkipTestWithoutData = true)]
    [FeatureScenarios]
    public Task Scenario(string id) => run.RunAsync(id);
}
