using Reqnroll.BoDi;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;

namespace KafkaResilience.Reqnroll.Running;

/// <summary>
/// Reqnroll's container builder, with one runtime plugin given in code (Reqnroll initialises plugins registered this way
/// before those it finds on disk): how a test of the host runs feature text with a plugin of its own.
/// </summary>
public sealed class HostContainerBuilder(IRuntimePlugin? plugin) : ContainerBuilder
{
    protected override void RegisterDefaults(ObjectContainer container)
    {
        ArgumentNullException.ThrowIfNull(container);
        base.RegisterDefaults(container);
        if (plugin is not null) container.RegisterInstanceAs(plugin, "kafka-resilience-host");
    }
}
