namespace KafkaResilience.Reqnroll.Xunit;

/// <summary>
/// Settings a feature host's bindings read (a target name, a cluster address, the run profile) that must be right
/// before anything runs. Named by <see cref="FeatureHostAttribute.ConfigurationCheck"/> (or implemented by its
/// <see cref="FeatureHostAttribute.Profile"/>); its errors stop the host at start-up, whatever the filter, instead of
/// failing (or skipping) scenario by scenario.
/// </summary>
public interface IHostConfigurationCheck
{
    /// <summary>One message per wrong setting, naming the setting and what it allows; empty when all is well.</summary>
    IReadOnlyList<string> Errors();
}
