using KafkaResilience.Reqnroll.Catalog;
using KafkaResilience.Reqnroll.Results;
using KafkaResilience.Reqnroll.Running;
using KafkaResilience.Steps;
using Xunit;

namespace KafkaResilience.Features;

/// <summary>
/// Runs feature text through the product's real step definitions on Reqnroll's runtime, as the features host does
/// (bindings of steps/, the host's plugin without reports), in a folder of its own that it removes: how a test shows
/// what a user's feature gets (a bad value's answer, a table's, a name's) without a cluster.
/// </summary>
public sealed class StepsHarness : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kr-steps-harness-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Every row of <paramref name="feature"/> (written to case.feature), run in the smoke profile; the results in file order.</summary>
    public async Task<IReadOnlyList<ScenarioResult>> RunAsync(string feature)
    {
        File.WriteAllText(Path.Combine(_root, "case.feature"), feature);
        var cases = FeatureCatalog.Load(_root, new RunProfile(RunProfile.Smoke));
        await using var run = await FeatureHostRun.StartAsync(typeof(WorkloadSteps).Assembly, cases, _root, new HarnessPlugin(), new HarnessConfiguration());
        var results = new List<ScenarioResult>();
        foreach (var scenario in cases) results.Add(await run.RunAsync(scenario.Info.Id, _ => { }, TestContext.Current.CancellationToken));
        return results;
    }
}
