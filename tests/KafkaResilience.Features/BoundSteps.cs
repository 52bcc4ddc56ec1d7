using KafkaResilience.Chaos.Fit;
using KafkaResilience.Reqnroll.Catalog;
using KafkaResilience.Reqnroll.Running;
using KafkaResilience.Steps;

namespace KafkaResilience.Features;

/// <summary>
/// The product's step definitions loaded to be matched, never run (a class fixture): a row given as plain step texts is
/// bound as Reqnroll would bind it, each text under the first keyword (Given, When, Then) a definition takes it with, and
/// planned from its bound values (<see cref="StepPlanner"/>), as a target's judgement of the row reads it.
/// </summary>
public sealed class BoundSteps : IDisposable
{
    private readonly StepBinder _binder = StepBinder.For(typeof(BoundSteps).Assembly);

    public StepMatcher Matcher => _binder.Matcher;

    public void Dispose() => _binder.Dispose();

    /// <summary>The plan of a row of these step texts (null where a step plans nothing or binds to nothing).</summary>
    public async Task<IReadOnlyList<IPlannedStep?>> PlanAsync(IReadOnlyList<string> texts)
    {
        var row = await RowAsync(texts);
        return await new StepPlanner(Matcher).PlanAsync(row, System.Globalization.CultureInfo.GetCultureInfo("en-US"));
    }

    /// <summary>The needs of a row of these step texts, as the cluster step reads them before the cluster starts.</summary>
    public async Task<ScenarioNeeds> NeedsAsync(IReadOnlyList<string> texts) => ScenarioNeedsBuilder.Of(await PlanAsync(texts), texts);

    /// <summary>A one-file, one-scenario row of these texts, each under the keyword a step definition takes it with.</summary>
    private async Task<ScenarioCase> RowAsync(IReadOnlyList<string> texts)
    {
        var root = Directory.CreateTempSubdirectory("kr-bound-steps-").FullName;
        try
        {
            var keywords = new List<string>();
            foreach (var text in texts) keywords.Add(await KeywordOfAsync(root, text));
            var lines = texts.Select((t, i) => $"    {keywords[i]} {t}");
            File.WriteAllText(Path.Combine(root, "row.feature"), "Feature: a row\n  Scenario: its steps\n" + string.Join("\n", lines) + "\n");
            return FeatureCatalog.Load(root, null).Single();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private async Task<string> KeywordOfAsync(string root, string text)
    {
        foreach (var keyword in new[] { "Given", "When", "Then" })
        {
            var file = Path.Combine(root, "probe.feature");
            File.WriteAllText(file, $"Feature: probe\n  Scenario: one step\n    {keyword} {text}\n");
            var probe = FeatureCatalog.Load(root, null).Single();
            File.Delete(file);
            if ((await Matcher.BindAsync(probe, convert: false)).Single().Problem is null) return keyword;
        }

        return "Given";
    }
}
