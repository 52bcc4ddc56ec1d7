using System.Reflection;
using KafkaResilience.Gherkin.Results;
using Xunit;
using Xunit.v3;

namespace KafkaResilience.Gherkin.Xunit;

/// <summary>
/// The assembly fixture that owns one <see cref="GherkinRun"/> per test run: loads the host's cases and
/// bindings on the first scenario, runs scenarios one by one into the test output, turns results into
/// pass / skip-with-reason / failure, and finishes the run (after-hooks, listeners) when xUnit disposes it.
/// </summary>
public sealed class GherkinRunFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private GherkinRun? _run;
    private Dictionary<string, ScenarioCase>? _cases;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>Runs the case with this id (from <see cref="GherkinScenariosAttribute"/>) and reports it to xUnit.</summary>
    public async Task RunAsync(string id)
    {
        var context = TestContext.Current;
        var host = (context.TestClass as IXunitTestClass)?.Class.Assembly ?? Assembly.GetEntryAssembly()
            ?? throw new InvalidOperationException("Cannot tell which test assembly is running.");
        var output = context.TestOutputHelper;
        ScenarioResult result;
        await _gate.WaitAsync(context.CancellationToken).ConfigureAwait(false);
        try
        {
            if (_run is null || _cases is null)
            {
                var settings = GherkinHostSettings.For(host);
                _cases = settings.LoadCases().ToDictionary(c => c.Info.Id, StringComparer.Ordinal);
                _run = new GherkinRun(settings.LoadBindings(), settings.Profile);
                _run.Context.Run.Set("features", settings.FeaturesRoot);
            }

            if (!_cases.TryGetValue(id, out var scenario))
            {
                throw new ScenarioFailedException($"No scenario has the id '{id}' any more (the feature files changed after discovery); list the tests again.", null);
            }

            result = await _run.RunAsync(scenario, line => output?.WriteLine(line), context.CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        switch (result.Outcome)
        {
            case ScenarioOutcome.Skipped:
                throw new ScenarioSkippedByRunnerException(result.SkipReason ?? "skipped");
            case ScenarioOutcome.Failed:
                // A binding problem's message already says everything; a step's own exception keeps its stack trace.
                throw new ScenarioFailedException(ScenarioFailureMessage.For(result), result.Error is StepBindingException ? null : result.Error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_run is not null) await _run.FinishAsync().ConfigureAwait(false);
        _gate.Dispose();
    }
}
