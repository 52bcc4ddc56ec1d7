using System.Reflection;
using KafkaResilience.Reqnroll.Results;
using KafkaResilience.Reqnroll.Running;
using Xunit;
using Xunit.v3;

namespace KafkaResilience.Reqnroll.Xunit;

/// <summary>
/// The assembly fixture of a feature host: one <see cref="FeatureHostRun"/> for the whole xUnit run (started on the
/// first row, ended when xUnit disposes the fixture), and for each theory row the row's result turned into what xUnit
/// hears: pass, skip with its reason, or a failure naming the step, its file and line, and why. Each row's lines go to
/// its own test output.
/// </summary>
public sealed class FeatureRun : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private FeatureHostRun? _run;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>Runs the row with this id (from <see cref="FeatureScenariosAttribute"/>) and reports it to xUnit.</summary>
    public async Task RunAsync(string id)
    {
        var context = TestContext.Current;
        var host = (context.TestClass as IXunitTestClass)?.Class.Assembly ?? Assembly.GetEntryAssembly()
            ?? throw new InvalidOperationException("Cannot tell which test assembly is running.");
        var output = context.TestOutputHelper;
        await _gate.WaitAsync(context.CancellationToken).ConfigureAwait(false);
        try
        {
            if (_run is null)
            {
                var settings = FeatureHostSettings.For(host);
                _run = await FeatureHostRun.StartAsync(host, settings.LoadCases(), settings.FeaturesRoot).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }

        var result = await _run.RunAsync(id, line => Write(output, line), context.CancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case ScenarioOutcome.Skipped:
                throw new ScenarioSkippedByHostException(result.SkipReason ?? "skipped");
            case ScenarioOutcome.Failed:
                // A binding problem's message already says everything; a step's own exception keeps its stack trace.
                throw new ScenarioFailedException(ScenarioFailureMessage.For(result), result.Error is StepBindingException ? null : result.Error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_run is not null) await _run.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private static void Write(ITestOutputHelper? output, string line)
    {
        try
        {
            output?.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The row's test has ended (a step left behind by its timeout kept writing).
        }
    }
}
