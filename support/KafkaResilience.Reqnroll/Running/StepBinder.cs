using System.Reflection;
using Reqnroll.Bindings.Discovery;
using Reqnroll.BoDi;
using Reqnroll.Configuration;
using Reqnroll.Infrastructure;

namespace KafkaResilience.Reqnroll.Running;

/// <summary>
/// Reqnroll's bindings of a test assembly, loaded to be matched and never run: a global container with the binding
/// registry built and one test-thread container, no test run (no hooks, no reports, the Cucumber formatters kept off by
/// <see cref="MatchOnlyDependencyProvider"/>). For checks that read every row before or without running it.
/// </summary>
public sealed class StepBinder : IDisposable
{
    private readonly IObjectContainer _global;
    private readonly IObjectContainer _thread;

    private StepBinder(IObjectContainer global, IObjectContainer thread)
    {
        _global = global;
        _thread = thread;
        Matcher = thread.Resolve<StepMatcher>();
    }

    public StepMatcher Matcher { get; }

    /// <summary>The bindings of <paramref name="testAssembly"/> and of the binding assemblies its configuration names.</summary>
    public static StepBinder For(Assembly testAssembly, IRuntimeConfigurationProvider? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        var builder = new ContainerBuilder(new MatchOnlyDependencyProvider());
        var global = builder.CreateGlobalContainer(testAssembly, configuration);
        var registry = global.Resolve<IRuntimeBindingRegistryBuilder>();
        foreach (var assembly in registry.GetBindingAssemblies(testAssembly).Distinct()) registry.BuildBindingsFromAssembly(assembly);
        registry.BuildingCompleted();
        return new StepBinder(global, builder.CreateTestThreadContainer(global));
    }

    public void Dispose()
    {
        _thread.Dispose();
        _global.Dispose();
    }
}
