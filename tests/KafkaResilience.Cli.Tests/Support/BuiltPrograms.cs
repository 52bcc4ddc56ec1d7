namespace KafkaResilience.Cli.Tests.Support;

/// <summary>
/// Where the programs under test were built: the repository root (the folder holding KafkaResilience.sln)
/// and, for the same configuration and framework as this test assembly, the kafka-resilience command line.
/// </summary>
internal static class BuiltPrograms
{
    private const string MarkerFile = "KafkaResilience.sln";

    /// <summary>The repository root, found by walking up from the test's base directory (bounded).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>"Debug" or "Release": the configuration this test assembly was built in (bin/&lt;configuration&gt;/&lt;framework&gt;/).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static string Framework { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;

    /// <summary>kafka-resilience.dll, run with "dotnet".</summary>
    public static string CommandLine => Existing(Path.Combine(RepositoryRoot, "support", "KafkaResilience.Cli", "bin", Configuration, Framework, "kafka-resilience.dll"));

    /// <summary>The shipped command line as .ci/publish-cli installs it (a NativeAOT executable); it may not exist.</summary>
    public static string NativeCommandLine => Path.Combine(RepositoryRoot, "artifacts", "kafka-resilience", "kafka-resilience");

    /// <summary>The features host project, run with "dotnet test --project ... --no-build".</summary>
    public static string FeaturesHostProject => Existing(Path.Combine(RepositoryRoot, "tests", "KafkaResilience.Features", "KafkaResilience.Features.csproj"));

    /// <summary>The dotnet executable that runs these tests (the one on PATH otherwise).</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path} was not built; build the solution (dotnet build KafkaResilience.sln -c {Configuration}) first.", path);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var depth = 0; directory is not null && depth < 32; depth++, directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, MarkerFile))) return directory.FullName;
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds {MarkerFile}.");
    }
}
