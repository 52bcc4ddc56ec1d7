using KafkaResilience.Reqnroll.Results;

namespace KafkaResilience.Reqnroll.Tests.Harness;

/// <summary>A run listener that keeps what it hears, in order.</summary>
public sealed class RecordingListener : IRunListener
{
    private readonly List<string> _calls = [];
    private readonly List<ScenarioResult> _results = [];

    public IReadOnlyList<string> Calls
    {
        get { lock (_calls) return [.. _calls]; }
    }

    public IReadOnlyList<ScenarioResult> Results
    {
        get { lock (_calls) return [.. _results]; }
    }

    public void RunStarting(RunInfo run)
    {
        lock (_calls) _calls.Add("RunStarting");
    }

    public void ScenarioFinished(ScenarioResult result)
    {
        lock (_calls)
        {
            _calls.Add("ScenarioFinished:" + result.Scenario.ScenarioTitle);
            _results.Add(result);
        }
    }

    public void RunFinished(RunInfo run)
    {
        lock (_calls) _calls.Add("RunFinished:" + string.Join(",", run.Properties.Where(p => p.Key.StartsWith("hook", StringComparison.Ordinal)).Select(p => $"{p.Key}={p.Value}")));
    }
}
