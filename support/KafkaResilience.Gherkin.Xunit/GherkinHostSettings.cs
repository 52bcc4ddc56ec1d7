using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace KafkaResilience.Gherkin.Xunit;

/// <summary>
/// What a test host runs, resolved from its <see cref="GherkinHostAttribute"/>: the features folder, the
/// profile, and the cases (a failing case per malformed file or invalid setting). Discovery and execution
/// resolve it separately and get the same answer.
/// </summary>
public sealed class GherkinHostSettings
{
    private const string RunnerAssemblyName = "KafkaResilience.Gherkin";

    private GherkinHostSettings(Assembly host, GherkinHostAttribute attribute, string featuresRoot, string? locationError, RunProfile profile, string? profileError)
    {
        LocationError = locationError;
        Host = host;
        Attribute = attribute;
        FeaturesRoot = featuresRoot;
        Profile = profile;
        ProfileError = profileError;
    }

    public Assembly Host { get; }

    public GherkinHostAttribute Attribute { get; }

    public string FeaturesRoot { get; }

    /// <summary>Why the features folder could not be found, or null.</summary>
    public string? LocationError { get; }

    public RunProfile Profile { get; }

    public string? ProfileError { get; }

    /// <summary>
    /// Every setting that stops the host from running what was asked (features folder not found or missing,
    /// invalid profile, what the host's <see cref="GherkinHostAttribute.ConfigurationCheck"/> finds), one line
    /// each naming the setting and what it allows; null when all is well.
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

    public static GherkinHostSettings For(Assembly host)
    {
        var attribute = host.GetCustomAttribute<GherkinHostAttribute>()
            ?? throw new InvalidOperationException($"The test assembly {host.GetName().Name} has no [assembly: GherkinHost(...)] saying where its features are.");
        var profile = RunProfile.Parse(Environment.GetEnvironmentVariable(RunProfile.EnvironmentVariable), out var profileError);
        var root = LocateFeatures(attribute, out var locationError);
        return new GherkinHostSettings(host, attribute, root, locationError, profile ?? new RunProfile(RunProfile.Smoke), profileError);
    }

    /// <summary>
    /// Every case to list and run, in file order. A features folder that cannot be found is one failing case;
    /// an invalid setting (profile, the host's own check) adds one failing case and skips the rest.
    /// </summary>
    public IReadOnlyList<ScenarioCase> LoadCases()
    {
        if (FolderError() is { } folder) return [FeatureCatalog.ConfigurationCase("features folder", folder)];
        var cases = FeatureCatalog.Load(FeaturesRoot, Profile);
        var errors = SettingErrors();
        if (errors.Count == 0) return cases;
        var reason = "a setting is invalid; see the failing Configuration case";
        return [FeatureCatalog.ConfigurationCase("settings", string.Join(Environment.NewLine, errors)), .. cases.Select(c => c with { SkipReason = c.SkipReason ?? reason })];
    }

    private string? FolderError() =>
        LocationError ?? (Directory.Exists(FeaturesRoot) ? null : MissingFolderError());

    private List<string> SettingErrors()
    {
        var errors = new List<string>();
        if (ProfileError is not null) errors.Add(ProfileError);
        if (Attribute.ConfigurationCheck is { } type)
        {
            try
            {
                var check = Activator.CreateInstance(type) as IHostConfigurationCheck
                    ?? throw new InvalidOperationException($"{type.FullName} does not implement {nameof(IHostConfigurationCheck)}.");
                errors.AddRange(check.Errors());
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                errors.Add($"The configuration check {type.FullName} could not run: {ExceptionMessage.Of(e)}");
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

    /// <summary>The bindings of every assembly in the base directory that references the runner, and of the host itself.</summary>
    public BindingRegistry LoadBindings()
    {
        var assemblies = new List<Assembly> { Host };
        foreach (var path in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
        {
            if (!ReferencesRunner(path)) continue;
            try
            {
                assemblies.Add(Assembly.Load(AssemblyName.GetAssemblyName(path)));
            }
            catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException)
            {
                Console.Error.WriteLine($"Skipping {path} while looking for bindings: {e.Message}");
            }
        }

        var ns = Attribute.BindingNamespace;
        return BindingRegistry.FromAssemblies(assemblies, ns is null ? null : t => t.Namespace is { } n && (n == ns || n.StartsWith(ns + ".", StringComparison.Ordinal)));
    }

    private static bool ReferencesRunner(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata) return false;
            var reader = pe.GetMetadataReader();
            if (!reader.IsAssembly) return false;
            return reader.AssemblyReferences.Any(h => reader.GetString(reader.GetAssemblyReference(h).Name) == RunnerAssemblyName);
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static string LocateFeatures(GherkinHostAttribute attribute, out string? error)
    {
        error = null;
        var fromEnvironment = attribute.EnvironmentVariable is null ? null : Environment.GetEnvironmentVariable(attribute.EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return Path.GetFullPath(fromEnvironment);
        if (attribute.MarkerFile is null) return Path.Combine(AppContext.BaseDirectory, attribute.FeaturesFolder);

        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var depth = 0; directory is not null && depth < 32; depth++, directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, attribute.MarkerFile)))
            {
                return Path.Combine(directory.FullName, attribute.FeaturesFolder);
            }
        }

        error = $"No folder above {AppContext.BaseDirectory} holds {attribute.MarkerFile}; "
            + (attribute.EnvironmentVariable is null ? "run the tests from inside the repository." : $"set {attribute.EnvironmentVariable} to the features folder.");
        return string.Empty;
    }
}
