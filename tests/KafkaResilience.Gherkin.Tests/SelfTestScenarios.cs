using KafkaResilience.Gherkin.Xunit;

[assembly: GherkinHost("SelfTestFeatures", BindingNamespace = "KafkaResilience.Gherkin.Tests.SelfTest")]
[assembly: AssemblyFixture(typeof(GherkinRunFixture))]

namespace KafkaResilience.Gherkin.Tests;

/// <summary>
/// The runner hosting its own features (SelfTestFeatures/, bindings in the SelfTest namespace) through the
/// same xUnit adapter as the product host: proves discovery, display names, traits, skips and output end to end.
/// </summary>
public sealed class SelfTestScenarios(GherkinRunFixture run)
{
    [Theory(SkipTestWithoutData = true)]
    [GherkinScenarios]
    public Task Scenario(string id) => run.RunAsync(id);
}
