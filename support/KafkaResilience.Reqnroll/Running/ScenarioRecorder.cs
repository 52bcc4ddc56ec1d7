using System.Globalization;
using KafkaResilience.Reqnroll.Catalog;
using KafkaResilience.Reqnroll.Results;
using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.BindingSkeletons;
using Reqnroll.Configuration;
using Reqnroll.ErrorHandling;
using Reqnroll.Events;
using Reqnroll.Tracing;

namespace KafkaResilience.Reqnroll.Running;

/// <summary>
/// Hears one test thread's Reqnroll execution events (as Allure.Reqnroll does) and writes each scenario row's result:
/// every step with its outcome, timing, message and what it reported (<see cref="RunningScenario"/>), every scenario
/// hook, the scenario's attachments, and the outcome (Skipped with its reason, Failed with its first error, Passed
/// only when every step that ran passed and nothing was "not judged"). The result goes to the <see cref="RunReport"/>
/// and back to the running scenario, so the test host reports the same outcome the reports show.
/// </summary>
public sealed class ScenarioRecorder : IAsyncExecutionEventListener
{
    private readonly RunReport _report;
    private readonly TimeProvider _clock;
    private readonly ITraceListener _trace;
    private readonly IStepDefinitionSkeletonProvider _skeletons;
    private readonly ReqnrollConfiguration _configuration;
    private readonly List<StepResult> _steps = [];
    private readonly List<HookResult> _hooks = [];
    private readonly Dictionary<IHookBinding, DateTimeOffset> _hookStarts = [];
    private RunningScenario? _running;
    private DateTimeOffset _scenarioStart;
    private DateTimeOffset _stepStart;
    private int _stepIndex;

    public ScenarioRecorder(RunReport report, TimeProvider clock, ITraceListener trace, IStepDefinitionSkeletonProvider skeletons, ReqnrollConfiguration configuration)
    {
        _report = report ?? throw new ArgumentNullException(nameof(report));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _trace = trace ?? throw new ArgumentNullException(nameof(trace));
        _skeletons = skeletons ?? throw new ArgumentNullException(nameof(skeletons));
        _configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
    }

    public Task OnEventAsync(IExecutionEvent executionEvent)
    {
        switch (executionEvent)
        {
            case TestRunStartedEvent:
                _report.Starting();
                break;
            case ScenarioStartedEvent started:
                Begin(started.ScenarioContext);
                break;
            case StepStartedEvent when _running is { } running:
                _stepStart = _clock.GetUtcNow();
                running.BeginStep(_stepIndex);
                break;
            case StepFinishedEvent finished when _running is { } running:
                EndStep(running, finished);
                break;
            case HookBindingStartedEvent started:
                _hookStarts[started.HookBinding] = _clock.GetUtcNow();
                break;
            case HookBindingFinishedEvent finished:
                EndHook(finished);
                break;
            case ScenarioFinishedEvent finished when _running is { } running:
                End(running, finished.ScenarioContext);
                break;
        }

        return Task.CompletedTask;
    }

    private void Begin(IScenarioContext context)
    {
        _running = context.ScenarioContainer.IsRegistered<RunningScenario>() ? context.ScenarioContainer.Resolve<RunningScenario>() : null;
        _steps.Clear();
        _hooks.Clear();
        _stepIndex = 0;
        _scenarioStart = _clock.GetUtcNow();
    }

    private void EndStep(RunningScenario running, StepFinishedEvent finished)
    {
        var index = _stepIndex++;
        running.EndStep();
        var step = index < running.Steps.Count ? running.Steps[index] : null;
        if (step is null) return;
        var context = finished.StepContext;
        var (attachments, parameters) = running.StepRecords(index);
        var (outcome, message, error) = Outcome(running, index, context, finished.ScenarioContext.TestError, step);
        _steps.Add(new StepResult(step.Keyword, step.ResolvedKeyword.ToString(), step.Text, step.Line, step.DataTable, step.DocString,
            outcome, message, error, _stepStart, _clock.GetUtcNow(), attachments) { Parameters = parameters });
        foreach (var parameter in parameters) _trace.WriteTestOutput($"   {parameter.Name}: {parameter.Value}");
    }

    private (StepOutcome Outcome, string? Message, Exception? Error) Outcome(RunningScenario running, int index, IScenarioStepContext context, Exception? scenarioError, ScenarioStep step)
    {
        if (running.LaterStepSkip(index) is { } later) return (StepOutcome.Skipped, later, null);
        if (running.NotJudgedReason(index) is { } notJudged) return (StepOutcome.Skipped, "not judged: " + notJudged, null);
        var error = context.StepError;
        var where = $"{running.Case.Info.FeatureFile}:{step.Line}";
        switch (context.Status)
        {
            case ScenarioExecutionStatus.OK:
                return (StepOutcome.Passed, null, null);
            case ScenarioExecutionStatus.Skipped:
                if (error is ScenarioSkippedException skipped) return (StepOutcome.Skipped, skipped.Reason, null);
                if (error is not null) return (StepOutcome.Skipped, ExceptionMessage.Of(error), null);
                return scenarioError is ScenarioSkippedException earlier
                    ? (StepOutcome.Skipped, "skipped: " + earlier.Reason, null)
                    : (StepOutcome.Skipped, "skipped because of previous errors", null);
            case ScenarioExecutionStatus.StepDefinitionPending:
                return (StepOutcome.Pending, $"Pending: the step \"{step.Echo}\" ({where}) is not implemented yet{(error is null ? "" : ": " + error.Message)}.", error);
            case ScenarioExecutionStatus.UndefinedStep:
                var snippet = context.StepInfo.StepInstance is { } instance
                    ? _skeletons.GetStepDefinitionSkeleton(ProgrammingLanguage.CSharp, instance, _configuration.StepDefinitionSkeletonStyle, CultureInfo.InvariantCulture)
                    : "";
                return (StepOutcome.Undefined,
                    $"No matching step definition found for the step \"{step.Echo}\" ({where}). Use the following code to create one:{Environment.NewLine}{snippet}", error);
            case ScenarioExecutionStatus.BindingError when error is AmbiguousBindingException:
                return (StepOutcome.Ambiguous, $"{error.Message} ({where})", error);
            default:
                if (error is null) return (StepOutcome.Failed, "failed without an error", null);
                var translated = Translate(running, error);
                return (StepOutcome.Failed, ExceptionMessage.Of(translated), translated);
        }
    }

    private void EndHook(HookBindingFinishedEvent finished)
    {
        var hook = finished.HookBinding;
        if (hook.HookType is HookType.BeforeTestRun or HookType.AfterTestRun or HookType.BeforeFeature or HookType.AfterFeature)
        {
            if (finished.HookException is { } runError)
                _report.Error($"[{hook.HookType}] {hook.Method.Type.Name}.{hook.Method.Name} failed: {ExceptionMessage.Of(runError)}");
            return;
        }

        if (_running is not { } running) return;
        var start = _hookStarts.Remove(hook, out var s) ? s : _clock.GetUtcNow();
        var error = finished.HookException is null ? null : Translate(running, finished.HookException);
        var outcome = error switch
        {
            null => StepOutcome.Passed,
            ScenarioSkippedException => StepOutcome.Skipped,
            _ => StepOutcome.Failed,
        };
        var kind = hook.HookType.ToString();
        _hooks.Add(new HookResult(kind, $"{hook.Method.Type.Name}.{hook.Method.Name}", kind.StartsWith("Before", StringComparison.Ordinal), outcome, error, start, _clock.GetUtcNow()));
        if (outcome == StepOutcome.Failed) running.Output($"-> [{kind}] {hook.Method.Type.Name}.{hook.Method.Name} failed: {ExceptionMessage.Of(error!)}");
    }

    private void End(RunningScenario running, IScenarioContext context)
    {
        var scenario = running.Case;
        var stop = _clock.GetUtcNow();
        // Steps Reqnroll never reached (the scenario was skipped before it started) are shown skipped with the reason.
        var skipReason = scenario.SkipReason ?? (context.TestError as ScenarioSkippedException)?.Reason
            ?? _hooks.Select(h => h.Error).OfType<ScenarioSkippedException>().FirstOrDefault()?.Reason;
        for (var i = _steps.Count; i < scenario.Steps.Count; i++)
        {
            var step = scenario.Steps[i];
            _steps.Add(new StepResult(step.Keyword, step.ResolvedKeyword.ToString(), step.Text, step.Line, step.DataTable, step.DocString,
                StepOutcome.Skipped, skipReason ?? "skipped because of previous errors", null, stop, stop, []));
        }

        var failure = _steps.FirstOrDefault(s => s.Outcome is StepOutcome.Failed or StepOutcome.Undefined or StepOutcome.Ambiguous or StepOutcome.Pending) is { } failed
            ? failed.Error ?? new StepBindingException(failed.Message ?? failed.Outcome.ToString())
            : _hooks.FirstOrDefault(h => h.Outcome == StepOutcome.Failed)?.Error
              ?? (context.ScenarioExecutionStatus is ScenarioExecutionStatus.OK or ScenarioExecutionStatus.Skipped || context.TestError is ScenarioSkippedException
                  ? null
                  : context.TestError is { } testError ? Translate(running, testError) : null);
        var notJudged = running.NotJudgedReasons;
        ScenarioOutcome outcome;
        string? reason = null;
        if (failure is not null)
        {
            outcome = ScenarioOutcome.Failed;
        }
        else if (skipReason is not null || context.ScenarioExecutionStatus == ScenarioExecutionStatus.Skipped)
        {
            outcome = ScenarioOutcome.Skipped;
            reason = skipReason ?? "skipped";
        }
        else if (notJudged.Count > 0)
        {
            outcome = ScenarioOutcome.Skipped;
            reason = "not judged: " + string.Join("; ", notJudged.Distinct(StringComparer.Ordinal));
        }
        else
        {
            outcome = ScenarioOutcome.Passed;
        }

        var result = new ScenarioResult(scenario.Info, outcome, reason, failure, _scenarioStart, stop, [.. _steps], [.. _hooks], running.ScenarioAttachments)
        {
            NotInProfile = scenario.NotInProfile,
        };
        running.Result = result;
        _running = null;
        _report.ScenarioFinished(result);
    }

    /// <summary>A cancellation that the scenario's own deadline caused reads as a timeout, naming it and how to change it.</summary>
    private static Exception Translate(RunningScenario running, Exception error) =>
        error is OperationCanceledException && running.TimedOut
            ? ScenarioTimeoutException.After(running.Case.Timeout)
            : error;
}
