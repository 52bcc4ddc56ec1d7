using KafkaResilience.Gherkin.Results;

namespace KafkaResilience.Gherkin.Tests.Harness;

/// <summary>Runs feature text against chosen binding types, the way the xUnit host does, and records everything.</summary>
public static class RunnerHarness
{
    public static Task<RunOutcome> RunAsync(string featureText, params Type[] bindings)
    {
        using var workspace = new FeatureWorkspace();
        workspace.Write("test.feature", featureText);
        return RunAsync(workspace.Root, new RunProfile(RunProfile.Smoke), [], bindings);
    }

    public static async Task<RunOutcome> RunAsync(string root, RunProfile profile, IReadOnlyList<IRunListener> listeners, params Type[] bindings)
    {
        var cases = FeatureCatalog.Load(root, profile);
        var output = new List<string>();
        var errors = new List<string>();
        var run = new GherkinRun(BindingRegistry.FromTypes(bindings), profile, new GherkinRunOptions
        {
            Listeners = listeners,
            ErrorSink = errors.Add,
            AfterHookGrace = TimeSpan.FromSeconds(10),
        });
        var results = new List<ScenarioResult>();
        foreach (var scenario in cases)
        {
            results.Add(await run.RunAsync(scenario, output.Add, TestContext.Current.CancellationToken));
        }

        await run.FinishAsync();
        return new RunOutcome(cases, results, output, run.Context, errors);
    }

    /// <summary>Appends to a run property, so static hooks can leave a trace without static state.</summary>
    public static void Append(TestRunContext run, string key, string entry) =>
        run.Run.Set(key, run.Run.Properties.TryGetValue(key, out var before) && before.Length > 0 ? before + "|" + entry : entry);
}
