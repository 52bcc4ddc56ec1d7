using KafkaResilience.Reqnroll.Catalog;
using KafkaResilience.Reqnroll.Results;
using KafkaResilience.Reqnroll.Running;

namespace KafkaResilience.Reqnroll.Tests.Harness;

/// <summary>
/// Runs feature text through the host on Reqnroll's runtime, the way the xUnit host does (this assembly's bindings and
/// plugin), in a folder of its own, and records everything. Each test's bindings are scoped to a tag of its own
/// (<c>[Scope(Tag = ...)]</c>), which its feature carries, so that the bindings of other tests never match.
/// </summary>
public static class HostHarness
{
    public static async Task<HostOutcome> RunAsync(string featureText, IRunProfile? profile = null)
    {
        using var workspace = new FeatureWorkspace();
        workspace.Write("test.feature", featureText);
        return await RunFolderAsync(workspace.Root, profile ?? TagProfile.Smoke);
    }

    public static async Task<HostOutcome> RunFolderAsync(string root, IRunProfile? profile)
    {
        var cases = FeatureCatalog.Load(root, profile);
        var output = new List<string>();
        var results = new List<ScenarioResult>();
        RecordingListener listener;
        var run = await FeatureHostRun.StartAsync(typeof(HostHarness).Assembly, cases, root);
        await using (run)
        {
            listener = (RecordingListener)ListenerOf(run);
            foreach (var scenario in cases)
            {
                results.Add(await run.RunAsync(scenario.Info.Id, line => { lock (output) output.Add(line); }, TestContext.Current.CancellationToken));
            }
        }

        return new HostOutcome(cases, results, output, listener);
    }

    private static IRunListener ListenerOf(FeatureHostRun run) =>
        run.Report?.Listeners.Single() ?? throw new InvalidOperationException("The harness run has no report: is SelfTestPlugin declared?");
}
