namespace KafkaResilience.Gherkin.Xunit;

/// <summary>
/// Declares, once per test host assembly, where its features live: <see cref="FeaturesFolder"/> relative to
/// the folder holding <see cref="MarkerFile"/> (found by walking up from the test's base directory), unless
/// <see cref="EnvironmentVariable"/> names a folder. <see cref="BindingNamespace"/> limits the bindings to one
/// namespace (for hosts whose assembly also holds unit-test bindings).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class GherkinHostAttribute(string featuresFolder) : Attribute
{
    public string FeaturesFolder { get; } = featuresFolder;

    /// <summary>A file that marks the repository root, e.g. "KafkaResilience.sln"; null means the base directory.</summary>
    public string? MarkerFile { get; set; }

    /// <summary>An environment variable that, when set, is the features folder (absolute or relative to the current directory).</summary>
    public string? EnvironmentVariable { get; set; }

    /// <summary>Only [Binding] classes in this namespace (or below) count; null means every binding found.</summary>
    public string? BindingNamespace { get; set; }

    /// <summary>A type implementing <see cref="IHostConfigurationCheck"/> (with a parameterless constructor) for the bindings' own settings; null for none.</summary>
    public Type? ConfigurationCheck { get; set; }
}
