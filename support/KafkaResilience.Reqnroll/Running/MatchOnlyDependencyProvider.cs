using Reqnroll.BoDi;
using Reqnroll.Formatters.Configuration;
using Reqnroll.Infrastructure;

namespace KafkaResilience.Reqnroll.Running;

/// <summary>
/// Reqnroll's defaults for a container that only matches steps (<see cref="StepBinder"/>): the Cucumber formatters are off
/// whatever reqnroll.json says, as in Reqnroll's own binding discovery. Launched formatters would open the run's report files
/// (truncating the real run's), and with no test run to close them, disposing the container waits out Reqnroll's two
/// 15-second formatter timeouts.
/// </summary>
public sealed class MatchOnlyDependencyProvider : DefaultDependencyProvider
{
    public override void RegisterGlobalContainerDefaults(ObjectContainer container)
    {
        ArgumentNullException.ThrowIfNull(container);
        base.RegisterGlobalContainerDefaults(container);
        container.RegisterTypeAs<FormattersForcedDisabledOverrideProvider, IFormattersConfigurationDisableOverrideProvider>();
    }
}
