using Reqnroll.BoDi;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;

namespace KafkaResilience.Reqnroll.Running;

/// <summary>
/// Where Reqnroll's step echo and tool lines go in a host's run: into the output of the scenario row running now (its
/// <see cref="RunningScenario"/>, the same channel as the host's own lines), tool lines after "-> " as Reqnroll prints
/// them; outside a scenario (the run's start and end) to <see cref="WriteOutsideScenario"/>.
/// </summary>
public abstract class HostTraceListener(IObjectContainer container) : ITraceListener
{
    // Resolved when first needed: the context manager depends on the tracer, which depends on this listener.
    private readonly Lazy<IContextManager> _contextManager = new(container.Resolve<IContextManager>);

    public void WriteTestOutput(string message) => Write(message);

    public void WriteToolOutput(string message) => Write("-> " + message);

    /// <summary>A line with no scenario to belong to.</summary>
    protected abstract void WriteOutsideScenario(string line);

    private void Write(string line)
    {
        var scenario = _contextManager.Value.ScenarioContext?.ScenarioContainer;
        if (scenario is not null && scenario.IsRegistered<RunningScenario>()) scenario.Resolve<RunningScenario>().Output(line);
        else WriteOutsideScenario(line);
    }
}
