namespace KafkaResilience.Cli.Tests.Support;

/// <summary>
/// Starts the README's suite command, <c>dotnet test --project tests/KafkaResilience.Features</c> (without
/// building, in this test's configuration), with a filter and settings, on the embedded target. Its reports
/// (Allure results, sweeps, Cucumber reports, TRX) go to the child's work folder, never to the repository's own.
/// </summary>
internal static class FeaturesHostRun
{
    public static ChildProcess Start(string filter, IReadOnlyDictionary<string, string?> settings)
    {
        var folders = ChildFolders.Create();
        var environment = new Dictionary<string, string?>
        {
            ["KAFKA_RESILIENCE_TARGET"] = "embedded",
            ["KAFKA_RESILIENCE_PROFILE"] = null,
            ["KAFKA_RESILIENCE_FEATURES"] = null,
            ["KAFKA_RESILIENCE_ALLURE_RESULTS"] = Path.Combine(folders.Work, "allure-results"),
            ["KAFKA_RESILIENCE_SWEEPS"] = Path.Combine(folders.Work, "sweeps"),
            ["KAFKA_RESILIENCE_CUCUMBER_REPORTS"] = Path.Combine(folders.Work, "cucumber"),
        };
        foreach (var (name, value) in settings) environment[name] = value;
        return ChildProcess.Start(BuiltPrograms.Dotnet,
        [
            "test", "--project", BuiltPrograms.FeaturesHostProject, "--no-build", "-c", BuiltPrograms.Configuration,
            "--filter", filter, "--results-directory", Path.Combine(folders.Work, "TestResults"),
        ], environment, folders);
    }
}
