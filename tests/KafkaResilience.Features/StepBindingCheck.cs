using KafkaResilience.Gherkin;
using KafkaResilience.Gherkin.Xunit;
using Xunit;

namespace KafkaResilience.Features;

/// <summary>
/// Every step of every scenario in <c>features/</c>, full-profile rows included, binds to exactly one step
/// definition: a typo in a row that only the full profile runs is caught by every smoke run, not after
/// hours of a full one.
/// </summary>
public sealed class StepBindingCheck
{
    [Fact]
    public void Every_step_of_every_feature_binds_to_one_step_definition()
    {
        var settings = GherkinHostSettings.For(typeof(StepBindingCheck).Assembly);
        Assert.Null(settings.LocationError);
        var cases = settings.LoadCases();
        var registry = settings.LoadBindings();

        var problems = cases.Where(c => c.Error is null).SelectMany(registry.UnboundSteps).Distinct().ToList();

        Assert.True(cases.Count > 0, $"no scenario found under {settings.FeaturesRoot}");
        Assert.True(problems.Count == 0, $"{problems.Count} step(s) bind to no step definition or to several:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }
}
