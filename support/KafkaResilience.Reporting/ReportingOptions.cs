using KafkaResilience.Reporting.Secrets;

namespace KafkaResilience.Reporting;

/// <summary>
/// Where and how the report listeners write: the results folder, whether a run first clears the previous
/// run's results, the clock, the secrets to mask, and the environment to read CI facts from.
/// The listeners' parameterless constructors build it with <see cref="FromEnvironment"/>.
/// </summary>
public sealed record ReportingOptions
{
    /// <summary>Environment variable naming the results folder (default: <c>&lt;repo root&gt;/allure-results</c>).</summary>
    public const string ResultsDirectoryVariable = "KAFKA_RESILIENCE_ALLURE_RESULTS";

    /// <summary>Environment variable that, set to <c>false</c>, keeps the previous run's results.</summary>
    public const string CleanVariable = "KAFKA_RESILIENCE_ALLURE_CLEAN";

    /// <summary>Folder name of the results under the repository root.</summary>
    public const string DefaultResultsFolder = "allure-results";

    /// <summary>Name of the Markdown summary written into the results folder.</summary>
    public const string SummaryFileName = "summary.md";

    /// <summary>The variable naming the target settings file (JSON); its secret values are masked too (see <see cref="SettingsFileSecrets"/>).</summary>
    public const string SettingsFileVariable = "KAFKA_RESILIENCE_SETTINGS";

    /// <summary>Absolute path of the results folder.</summary>
    public required string ResultsDirectory { get; init; }

    /// <summary>Clear the previous results (keeping <c>README.md</c> and <c>history/</c>) when a run starts.</summary>
    public bool Clean { get; init; } = true;

    /// <summary>The clock for stamps the listeners make themselves.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Values masked in everything written (e.g. the SASL password of an external cluster).</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>Reads an environment variable (CI detection, build names); injectable for tests.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The repository root, used to make feature paths relative so ids do not depend on the checkout path.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>The name the report carries in <c>executor.json</c>.</summary>
    public string ReportName { get; init; } = "KafkaResilience";

    /// <summary>Throws naming the setting when the options cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ResultsDirectory) || !Path.IsPathRooted(ResultsDirectory))
        {
            throw new ArgumentException(
                $"{nameof(ResultsDirectory)} must be an absolute path (was '{ResultsDirectory}'); set {ResultsDirectoryVariable} to an absolute folder.");
        }

        if (Secrets.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException($"{nameof(Secrets)} must not hold empty values.");
        }

        ArgumentNullException.ThrowIfNull(Clock, nameof(Clock));
        ArgumentNullException.ThrowIfNull(Environment, nameof(Environment));
        if (string.IsNullOrWhiteSpace(ReportName))
        {
            throw new ArgumentException($"{nameof(ReportName)} must not be empty.");
        }
    }

    /// <summary>
    /// Options from the environment: <see cref="ResultsDirectoryVariable"/>, <see cref="CleanVariable"/>
    /// (true/false/1/0), and as secrets the values of variables whose name holds a word of <see cref="SecretNames.Words"/>
    /// and the secret values of the target settings file named by <see cref="SettingsFileVariable"/>.
    /// </summary>
    public static ReportingOptions FromEnvironment(Func<string, string?> environment, IEnumerable<KeyValuePair<string, string>> variables, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var root = Reporting.RepositoryRoot.Find(baseDirectory);
        var configured = environment(ResultsDirectoryVariable);
        var results = !string.IsNullOrWhiteSpace(configured)
            ? Path.GetFullPath(configured)
            : Path.Combine(root ?? Directory.GetCurrentDirectory(), DefaultResultsFolder);
        var options = new ReportingOptions
        {
            ResultsDirectory = results,
            Clean = ParseClean(environment(CleanVariable)),
            Environment = environment,
            RepositoryRoot = root,
            Secrets = [.. SecretNames.DiscoverSecrets(variables).Concat(SettingsFileSecrets.Read(environment(SettingsFileVariable))).Distinct(StringComparer.Ordinal)],
        };
        options.Validate();
        return options;
    }

    /// <summary><see cref="FromEnvironment(Func{string, string?}, IEnumerable{KeyValuePair{string, string}}, string)"/> over the process environment.</summary>
    public static ReportingOptions FromProcessEnvironment() =>
        FromEnvironment(
            System.Environment.GetEnvironmentVariable,
            System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                .Select(e => new KeyValuePair<string, string>((string)e.Key, e.Value as string ?? string.Empty)),
            AppContext.BaseDirectory);

    private static bool ParseClean(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw new ArgumentException($"{CleanVariable} must be one of true, false, 1, 0, yes, no (was '{value}')."),
    };
}
