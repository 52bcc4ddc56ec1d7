using KafkaResilience.Reqnroll.Running;
using Reqnroll.BoDi;
using Reqnroll.Formatters.Configuration;
using Reqnroll.Infrastructure;
using Xunit;

namespace KafkaResilience.Features;

/// <summary>
/// The steps matched without a run (<see cref="StepBinder"/>) start none of the Cucumber formatters this host's
/// reqnroll.json turns on: started, they would open the run's report files and, never closed by a run, hold every
/// matching check's teardown for Reqnroll's formatter timeouts.
/// </summary>
public sealed class MatchOnlyFormattersCheck
{
    [Fact]
    public void The_formatters_reqnroll_json_turns_on_stay_off_where_steps_are_only_matched()
    {
        // Given: the host's configuration, with its formatters, read as Reqnroll's runtime reads it
        var assembly = typeof(MatchOnlyFormattersCheck).Assembly;
        var configured = new ObjectContainer();
        new DefaultDependencyProvider().RegisterGlobalContainerDefaults(configured);
        configured.Resolve<ITestAssemblyProvider>().RegisterTestAssembly(assembly);
        Assert.True(configured.Resolve<IFormattersConfigurationProvider>().Enabled, "reqnroll.json turns no formatter on here, so this check proves nothing");

        // When: the container that only matches steps is built
        using var matchOnly = new ContainerBuilder(new MatchOnlyDependencyProvider()).CreateGlobalContainer(assembly);

        // Then
        Assert.False(matchOnly.Resolve<IFormattersConfigurationProvider>().Enabled);
    }
}
