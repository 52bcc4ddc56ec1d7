namespace KafkaResilience.Reqnroll.Xunit;

/// <summary>
/// Declares, once per test host assembly, where its features live: <see cref="FeaturesFolder"/> relative to the
/// folder holding <see cref="MarkerFile"/> (found by walking up from the test's base directory), unless
/// <see cref="EnvironmentVariable"/> names a folder; which rows a run selects (<see cref="Profile"/>); and the host's
/// own settings to check before anything runs (<see cref="ConfigurationCheck"/>). The bindings are Reqnroll's: the
/// host assembly's, and those its <c>reqnroll.json</c> names under <c>bindingAssemblies</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class FeatureHostAttribute(string featuresFolder) : Attribute
{
    public string FeaturesFolder { get; } = featuresFolder;

    /// <summary>A file that marks the repository root, e.g. "KafkaResilience.sln"; null means the base directory.</summary>
    public string? MarkerFile { get; set; }

    /// <summary>An environment variable that, when set, is the features folder (absolute or relative to the current directory).</summary>
    public string? EnvironmentVariable { get; set; }

    /// <summary>
    /// A type implementing <see cref="Catalog.IRunProfile"/> (with a parameterless constructor) that reads the run's
    /// profile from its setting; it may implement <see cref="IHostConfigurationCheck"/> too, for a wrong setting. Null: every row runs.
    /// </summary>
    public Type? Profile { get; set; }

    /// <summary>A type implementing <see cref="IHostConfigurationCheck"/> (with a parameterless constructor) for the bindings' own settings; null for none.</summary>
    public Type? ConfigurationCheck { get; set; }
}
