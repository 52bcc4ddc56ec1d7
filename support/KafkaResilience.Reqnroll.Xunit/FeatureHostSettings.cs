using System.Reflection;
using KafkaResilience.Reqnroll.Catalog;
using KafkaResilience.Reqnroll.Running;

namespace KafkaResilience.Reqnroll.Xunit;

/// <summary>
/// What a test host runs, resolved from its <see cref="FeatureHostAttribute"/>: the features folder, the run profile,
/// and the cases (a failing case per malformed file or invalid setting). Discovery and execution resolve it separately
/// and get the same answer.
/// </summary>
public sealed class FeatureHostSettings
{
    private readonly IReadOnlyList<IHostConfigurationCheck> _checks;

    private FeatureHostSettings(Assembly host, FeatureHostAttribute attribute, string featuresRoot, string? locationError,
        IRunProfile? profile, IReadOnlyList<IHostConfigurationCheck> checks, IReadOnlyList<string> constructionErrors)
    {
        Host = host;
        Attribute = attribute;
        FeaturesRoot = featuresRoot;
        LocationError = locationError;
        Profile = profile;
        _checks = checks;
        ConstructionErrors = constructionErrors;
    }

    public Assembly Host { get; }

    public FeatureHostAttribute Attribute { get; }

    public string FeaturesRoot { get; }

    /// <summary>Why the features folder could not be found, or null.</summary>
    public string? LocationError { get; }

    /// <summary>The run's profile (which rows it selects), or null when the host declares none.</summary>
    public IRunProfile? Profile { get; }

    /// <summary>The folder holding the host's <see cref="FeatureHostAttribute.MarkerFile"/> (the repository root), or null.</summary>
    public string? RepositoryRoot => Attribute.MarkerFile is null ? null : FindMarker(Attribute.MarkerFile);

    private IReadOnlyList<string> ConstructionErrors { get; }

    /// <summary>
    /// Every setting that stops the host from running what was asked (features folder not found or missing, an invalid
    /// profile, what the host's checks find), one line each naming the setting and what it allows; null when all is well.
    /// </summary>
    public string? ConfigurationError
    {
        get
        {
            var errors = new List<string>();
            if (FolderError() is { } folder) errors.Add(folder);
            errors.AddRange(SettingErrors());
            return errors.Count == 0 ? null : string.Join(Environment.NewLine, errors);
        }
    }

    public static FeatureHostSettings For(Assembly host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var attribute = host.GetCustomAttribute<FeatureHostAttribute>()
            ?? throw new InvalidOperationException($"The test assembly {host.GetName().Name} has no [assembly: FeatureHost(...)] saying where its features are.");
        var errors = new List<string>();
        var profile = attribute.Profile is null ? null : Create<IRunProfile>(attribute.Profile, errors);
        var checks = new List<IHostConfigurationCheck>();
        if (profile is IHostConfigurationCheck profileCheck) checks.Add(profileCheck);
        if (attribute.ConfigurationCheck is not null && Create<IHostConfigurationCheck>(attribute.ConfigurationCheck, errors) is { } check) checks.Add(check);
        var root = LocateFeatures(attribute, out var locationError);
        return new FeatureHostSettings(host, attribute, root, locationError, profile, checks, errors);
    }

    /// <summary>
    /// Every case to list and run, in file order. A features folder that cannot be found is one failing case; an invalid
    /// setting (profile, the host's own check) adds one failing case and skips the rest.
    /// </summary>
    public IReadOnlyList<ScenarioCase> LoadCases()
    {
        if (FolderError() is { } folder) return [FeatureCatalog.ConfigurationCase("features folder", folder)];
        var errors = SettingErrors();
        var cases = FeatureCatalog.Load(FeaturesRoot, errors.Count == 0 ? Profile : null);
        if (errors.Count == 0) return cases;
        var reason = "a setting is invalid; see the failing Configuration case";
        return [FeatureCatalog.ConfigurationCase("settings", string.Join(Environment.NewLine, errors)), .. cases.Select(c => c with { SkipReason = c.SkipReason ?? reason })];
    }

    private string? FolderError() =>
        LocationError ?? (Directory.Exists(FeaturesRoot) ? null : MissingFolderError());

    private List<string> SettingErrors()
    {
        var errors = new List<string>(ConstructionErrors);
        foreach (var check in _checks)
        {
            try
            {
                errors.AddRange(check.Errors());
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                errors.Add($"The configuration check {check.GetType().FullName} could not run: {ExceptionMessage.Of(e)}");
            }
        }

        return errors;
    }

    private string MissingFolderError()
    {
        var variable = Attribute.EnvironmentVariable;
        var fromEnvironment = variable is null ? null : Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(fromEnvironment)
            ? $"The features folder '{FeaturesRoot}' does not exist."
            : $"{variable}='{fromEnvironment}': the features folder '{FeaturesRoot}' does not exist; set {variable} to a folder of .feature files, or unset it for '{Attribute.FeaturesFolder}'.";
    }

    private static T? Create<T>(Type type, List<string> errors) where T : class
    {
        try
        {
            return Activator.CreateInstance(type) as T
                ?? throw new InvalidOperationException($"{type.FullName} does not implement {typeof(T).Name}.");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            errors.Add($"The host's {typeof(T).Name} {type.FullName} could not be created: {ExceptionMessage.Of(e is TargetInvocationException { InnerException: { } inner } ? inner : e)}");
            return null;
        }
    }

    private static string? FindMarker(string marker)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var depth = 0; directory is not null && depth < 32; depth++, directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, marker))) return directory.FullName;
        }

        return null;
    }

    private static string LocateFeatures(FeatureHostAttribute attribute, out string? error)
    {
        error = null;
        var fromEnvironment = attribute.EnvironmentVariable is null ? null : Environment.GetEnvironmentVariable(attribute.EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return Path.GetFullPath(fromEnvironment);
        if (attribute.MarkerFile is null) return Path.Combine(AppContext.BaseDirectory, attribute.FeaturesFolder);
        if (FindMarker(attribute.MarkerFile) is { } root) return Path.Combine(root, attribute.FeaturesFolder);

        error = $"No folder above {AppContext.BaseDirectory} holds {attribute.MarkerFile}; "
            + (attribute.EnvironmentVariable is null ? "run the tests from inside the repository." : $"set {attribute.EnvironmentVariable} to the features folder.");
        return string.Empty;
    }
}
