using KafkaResilience.Reqnroll.Results;

namespace KafkaResilience.Reqnroll.Running;

/// <summary>
/// The run as its reports hear it, one per test run (the global container holds it): the run's facts, and the listeners
/// (the Allure writer, the Markdown summary) told when the run starts, each time a scenario row ends, and when it ends. A
/// listener that throws is reported through <see cref="Error"/> and never breaks the run or the other listeners.
/// </summary>
public sealed class RunReport
{
    private readonly IReadOnlyList<IRunListener> _listeners;

    /// <summary>The listeners, in the order they hear the run.</summary>
    public IReadOnlyList<IRunListener> Listeners => _listeners;
    private readonly Action<string> _errors;
    private int _started;
    private int _finished;

    public RunReport(RunInfo run, IReadOnlyList<IRunListener> listeners, Action<string> errors)
    {
        Run = run ?? throw new ArgumentNullException(nameof(run));
        _listeners = listeners ?? throw new ArgumentNullException(nameof(listeners));
        _errors = errors ?? throw new ArgumentNullException(nameof(errors));
    }

    public RunInfo Run { get; }

    /// <summary>Where a listener's failure, or a failed test-run or feature hook, is written (standard error by default).</summary>
    public void Error(string message) => _errors(message);

    /// <summary>Tells the listeners the run starts; once, whatever calls it first.</summary>
    public void Starting()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0) Notify(l => l.RunStarting(Run), nameof(IRunListener.RunStarting));
    }

    public void ScenarioFinished(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Starting();
        Notify(l => l.ScenarioFinished(result), nameof(IRunListener.ScenarioFinished));
    }

    /// <summary>Tells the listeners the run ended; once, and only when it started (a runtime loaded only to match steps never does).</summary>
    public void Finished()
    {
        if (Volatile.Read(ref _started) == 1 && Interlocked.Exchange(ref _finished, 1) == 0) Notify(l => l.RunFinished(Run), nameof(IRunListener.RunFinished));
    }

    private void Notify(Action<IRunListener> call, string what)
    {
        foreach (var listener in _listeners)
        {
            try
            {
                call(listener);
            }
            catch (Exception e)
            {
                _errors($"Run listener {listener.GetType().FullName}.{what} threw (the run goes on): {e}");
            }
        }
    }
}
