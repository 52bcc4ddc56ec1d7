using System.Globalization;
using Reqnroll.Configuration;

namespace KafkaResilience.Features;

/// <summary>
/// Reqnroll's configuration for <see cref="StepsHarness"/>: what the features host's reqnroll.json says that matters to a
/// step (binding culture, a missing step is an error), with the steps assembly as the test assembly itself, so that its
/// bindings are not loaded a second time as a binding assembly.
/// </summary>
public sealed class HarnessConfiguration : IRuntimeConfigurationProvider
{
    public ReqnrollConfiguration LoadConfiguration(ReqnrollConfiguration reqnrollConfiguration)
    {
        ArgumentNullException.ThrowIfNull(reqnrollConfiguration);
        reqnrollConfiguration.AdditionalStepAssemblies = [];
        reqnrollConfiguration.BindingCulture = CultureInfo.GetCultureInfo("en-US");
        reqnrollConfiguration.MissingOrPendingStepsOutcome = MissingOrPendingStepsOutcome.Error;
        return reqnrollConfiguration;
    }
}
