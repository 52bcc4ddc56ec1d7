using KafkaResilience.Reqnroll.Running;
using KafkaResilience.Reqnroll.Xunit;
using Xunit;

namespace KafkaResilience.Features;

/// <summary>
/// Every step of every scenario in <c>features/</c>, full-profile rows included, binds to exactly one of Reqnroll's step
/// definitions (matched as Reqnroll will match it, nothing run): a typo in a row that only the full profile runs is
/// caught by every smoke run, not after hours of a full one.
/// </summary>
public sealed class StepBindingCheck
{
    [Fact]
    public async Task Every_step_of_every_feature_binds_to_one_step_definition()
    {
        var settings = FeatureHostSettings.For(typeof(StepBindingCheck).Assembly);
        Assert.Null(settings.LocationError);
        var cases = settings.LoadCases();
        using var bindings = StepBinder.For(typeof(StepBindingCheck).Assembly);

        var problems = new List<string>();
        foreach (var scenario in cases.Where(c => c.Error is null)) problems.AddRange(await bindings.Matcher.ProblemsAsync(scenario));

        Assert.True(cases.Count > 0, $"no scenario found under {settings.FeaturesRoot}");
        Assert.True(problems.Count == 0, $"{problems.Count} step(s) bind to no step definition or to several:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Distinct())}");
    }
}
