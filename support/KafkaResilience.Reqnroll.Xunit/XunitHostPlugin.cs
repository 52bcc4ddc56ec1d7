using KafkaResilience.Reqnroll.Results;
using KafkaResilience.Reqnroll.Running;
using Reqnroll.Analytics;
using Reqnroll.Bindings;
using Reqnroll.BoDi;
using Reqnroll.Events;
using Reqnroll.Formatters.Configuration;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

namespace KafkaResilience.Reqnroll.Xunit;

/// <summary>
/// The Reqnroll runtime plugin of a feature host on xUnit v3 (what Reqnroll.xUnit's plugin would be): the xUnit runtime
/// provider for skips, the step echo into each test's output, attachments kept for the report, the host's binding
/// invoker (scenario deadlines, steps skipped ahead), a <see cref="ScenarioRecorder"/> on every test thread, telemetry
/// off, and one <see cref="RunReport"/> for the run with the listeners <see cref="CreateListeners"/> gives. A host
/// declares a subclass with <c>[assembly: RuntimePlugin(typeof(...))]</c>; <see cref="RegisterRunServices"/> adds its
/// own run-wide objects to the global container (those a scenario's objects share for the whole run).
/// </summary>
public abstract class XunitHostPlugin : IRuntimePlugin
{
    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters, UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        ArgumentNullException.ThrowIfNull(runtimePluginEvents);
        ArgumentNullException.ThrowIfNull(unitTestProviderConfiguration);
        runtimePluginEvents.RegisterGlobalDependencies += (_, e) => RegisterGlobal(e.ObjectContainer);
        runtimePluginEvents.CustomizeTestThreadDependencies += (_, e) => CustomizeTestThread(e.ObjectContainer);
        unitTestProviderConfiguration.UseUnitTestProvider(XunitRuntimeProvider.Name);
    }

    /// <summary>The listeners that hear the run (reports); created once per run.</summary>
    protected abstract IReadOnlyList<IRunListener> CreateListeners();

    /// <summary>Facts about the run the reports print once (its profile, say), set when the run starts.</summary>
    protected virtual void DescribeRun(RunInfo run)
    {
    }

    /// <summary>Whether Reqnroll's formatters (Cucumber HTML and ndjson, as reqnroll.json configures them) write this run; a test of the host turns them off.</summary>
    protected virtual bool FormattersEnabled => true;

    /// <summary>Registers the host's own run-wide objects in the global container; nothing by default.</summary>
    protected virtual void RegisterRunServices(IObjectContainer globalContainer)
    {
    }

    private void RegisterGlobal(IObjectContainer container)
    {
        container.RegisterTypeAs<XunitRuntimeProvider, IUnitTestRuntimeProvider>(XunitRuntimeProvider.Name);
        container.RegisterTypeAs<NoRuntimeTelemetry, IAnalyticsRuntimeTelemetryService>();
        container.RegisterTypeAs<HostBindingInvoker, IAsyncBindingInvoker>();
        container.RegisterInstanceAs(TimeProvider.System);
        if (!FormattersEnabled) container.RegisterTypeAs<FormattersForcedDisabledOverrideProvider, IFormattersConfigurationDisableOverrideProvider>();
        var run = new RunInfo(TimeProvider.System.GetUtcNow());
        DescribeRun(run);
        container.RegisterInstanceAs(new RunReport(run, CreateListeners(), Console.Error.WriteLine));
        RegisterRunServices(container);
    }

    private static void CustomizeTestThread(IObjectContainer container)
    {
        container.RegisterTypeAs<XunitTraceListener, ITraceListener>();
        container.RegisterTypeAs<HostTestTracer, ITestTracer>();
        container.RegisterTypeAs<HostAttachmentHandler, IReqnrollAttachmentHandler>();
        container.Resolve<ITestThreadExecutionEventPublisher>().AddListener(container.Resolve<ScenarioRecorder>());
    }
}
