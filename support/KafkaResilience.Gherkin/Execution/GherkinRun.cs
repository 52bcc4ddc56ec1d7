using System.Globalization;
using System.Reflection;
using KafkaResilience.Gherkin.Results;

namespace KafkaResilience.Gherkin;

/// <summary>
/// One test run: runs scenario cases one at a time against the bindings, with test-run and feature hooks
/// around them (started on the first case, finished by <see cref="FinishAsync"/>), scenario and step hooks,
/// per-scenario injection, timeouts, the Reqnroll-style step echo, and the run listeners.
/// Not thread-safe by design: the suite runs scenarios sequentially (they share one machine's ports).
/// </summary>
public sealed class GherkinRun
{
    private readonly BindingRegistry _bindings;
    private readonly GherkinRunOptions _options;
    private readonly List<IRunListener> _listeners = [];
    private bool _started;
    private bool _finished;
    private Exception? _runError;
    private string? _featureFile;
    private FeatureContext? _feature;
    private Exception? _featureError;

    public GherkinRun(BindingRegistry bindings, RunProfile profile, GherkinRunOptions? options = null)
    {
        _bindings = bindings;
        _options = (options ?? new GherkinRunOptions()).Validate();
        Context = new TestRunContext(new RunInfo(_options.Clock.GetUtcNow()), profile.Name);
        Context.Run.Set("profile", profile.Name);
    }

    public TestRunContext Context { get; }

    /// <summary>Runs one case and returns its complete result; <paramref name="output"/> receives the step echo.</summary>
    public async Task<ScenarioResult> RunAsync(ScenarioCase scenario, Action<string> output, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        await StartAsync().ConfigureAwait(false);
        var start = _options.Clock.GetUtcNow();
        ScenarioResult result;
        if (scenario.Error is not null)
        {
            output(scenario.Error);
            result = new ScenarioResult(scenario.Info, ScenarioOutcome.Failed, null, new StepBindingException(scenario.Error), start, start, [], [], []);
        }
        else if (scenario.SkipReason is not null)
        {
            output($"Skipped: {scenario.SkipReason}");
            result = new ScenarioResult(scenario.Info, ScenarioOutcome.Skipped, scenario.SkipReason, null, start, start,
                scenario.Steps.Select(s => SkippedStep(s, start, scenario.SkipReason)).ToList(), [], []) { NotInProfile = scenario.NotInProfile };
        }
        else
        {
            await EnterFeatureAsync(scenario).ConfigureAwait(false);
            result = await RunScenarioAsync(scenario, output, cancellationToken).ConfigureAwait(false);
        }

        Notify(l => l.ScenarioFinished(result), "ScenarioFinished");
        return result;
    }

    /// <summary>Ends the run: after-feature and after-test-run hooks, then the listeners' RunFinished. Safe to call twice.</summary>
    public async Task<IReadOnlyList<HookResult>> FinishAsync()
    {
        if (_finished || !_started)
        {
            _finished = true;
            return [];
        }

        _finished = true;
        var results = new List<HookResult>();
        results.AddRange(await LeaveFeatureAsync().ConfigureAwait(false));
        results.AddRange(await RunStaticHooksAsync(HookKind.AfterTestRun, [], null).ConfigureAwait(false));
        foreach (var failed in results.Where(r => r.Outcome == StepOutcome.Failed))
        {
            _options.ErrorSink($"[{failed.Kind}] {failed.Method} failed: {failed.Error}");
        }

        Notify(l => l.RunFinished(Context.Run), "RunFinished");
        return results;
    }

    private async Task StartAsync()
    {
        if (_started) return;
        _started = true;
        foreach (var type in _bindings.ListenerTypes)
        {
            try
            {
                _listeners.Add((IRunListener)Activator.CreateInstance(type)!);
            }
            catch (Exception e)
            {
                _options.ErrorSink($"Run listener {type.FullName} could not be created (it needs a public parameterless constructor and must implement IRunListener): {e.Message}");
            }
        }

        _listeners.AddRange(_options.Listeners);
        var hooks = await RunStaticHooksAsync(HookKind.BeforeTestRun, [], null).ConfigureAwait(false);
        _runError = hooks.FirstOrDefault(h => h.Outcome == StepOutcome.Failed)?.Error;
        Notify(l => l.RunStarting(Context.Run), "RunStarting");
    }

    private async Task EnterFeatureAsync(ScenarioCase scenario)
    {
        if (_featureFile == scenario.Info.FeatureFile) return;
        foreach (var failed in (await LeaveFeatureAsync().ConfigureAwait(false)).Where(r => r.Outcome == StepOutcome.Failed))
        {
            _options.ErrorSink($"[{failed.Kind}] {failed.Method} failed: {failed.Error}");
        }

        _featureFile = scenario.Info.FeatureFile;
        _feature = new FeatureContext(scenario.Info.FeatureTitle, scenario.Info.FeatureDescription, scenario.FeatureTags, scenario.Info.FeatureFile, scenario.Info.Language);
        var hooks = await RunStaticHooksAsync(HookKind.BeforeFeature, _feature.Tags, _feature).ConfigureAwait(false);
        _featureError = hooks.FirstOrDefault(h => h.Outcome == StepOutcome.Failed)?.Error;
    }

    private async Task<IReadOnlyList<HookResult>> LeaveFeatureAsync()
    {
        if (_feature is null) return [];
        var feature = _feature;
        _feature = null;
        _featureFile = null;
        _featureError = null;
        return await RunStaticHooksAsync(HookKind.AfterFeature, feature.Tags, feature).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<HookResult>> RunStaticHooksAsync(HookKind kind, IReadOnlyList<string> tags, FeatureContext? feature)
    {
        var results = new List<HookResult>();
        foreach (var hook in _bindings.Hooks(kind, tags))
        {
            var start = _options.Clock.GetUtcNow();
            Exception? error = null;
            try
            {
                var args = hook.Method.GetParameters().Select(p => StaticHookArgument(p, feature)).ToArray();
                using var timeout = new CancellationTokenSource(_options.AfterHookGrace + ScenarioCase.DefaultTimeout);
                await MethodInvoker.InvokeAsync(hook.Method, null, args, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                error = e;
            }

            results.Add(new HookResult(kind.ToString(), hook.Name, kind.ToString().StartsWith("Before", StringComparison.Ordinal),
                error is null ? StepOutcome.Passed : StepOutcome.Failed, error, start, _options.Clock.GetUtcNow()));
        }

        return results;
    }

    private object StaticHookArgument(ParameterInfo parameter, FeatureContext? feature)
    {
        if (parameter.ParameterType == typeof(TestRunContext)) return Context;
        if (parameter.ParameterType == typeof(RunInfo)) return Context.Run;
        if (parameter.ParameterType == typeof(FeatureContext) && feature is not null) return feature;
        throw new StepBindingException(
            $"Hook parameter '{parameter.Name}' of {parameter.Member.DeclaringType?.Name}.{parameter.Member.Name} cannot be supplied: test-run hooks may take TestRunContext or RunInfo, feature hooks also FeatureContext.");
    }

    private async Task<ScenarioResult> RunScenarioAsync(ScenarioCase scenario, Action<string> output, CancellationToken aborted)
    {
        var clock = _options.Clock;
        var start = clock.GetUtcNow();
        using var scenarioToken = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        scenarioToken.CancelAfter(scenario.Timeout);
        var context = new ScenarioContext(scenario.Info, output, scenarioToken.Token, scenario.Steps);
        var container = new ObjectContainer(context, _feature!, Context);
        var hooks = new List<HookResult>();
        Exception? failure = null;
        string? skipReason = null;

        void Fail(Exception e)
        {
            failure ??= e;
            context.Error ??= e;
        }

        Exception Translate(Exception e) => e switch
        {
            OperationCanceledException or TimeoutException when scenarioToken.IsCancellationRequested && !aborted.IsCancellationRequested =>
                new ScenarioTimeoutException($"The scenario timed out after {Describe(scenario.Timeout)} (default 20 minutes; tag the scenario @timeout:<seconds> to change it)."),
            OperationCanceledException when aborted.IsCancellationRequested => new OperationCanceledException("The test run was aborted.", e),
            _ => e,
        };

        if (_bindings.Errors.Count > 0)
        {
            Fail(new StepBindingException("The bindings have errors:" + Environment.NewLine + string.Join(Environment.NewLine, _bindings.Errors)));
        }
        else if (_runError is not null)
        {
            Fail(new StepBindingException($"A [BeforeTestRun] hook failed: {ExceptionMessage.Of(_runError)}", _runError));
        }
        else if (_featureError is not null)
        {
            Fail(new StepBindingException($"A [BeforeFeature] hook failed: {ExceptionMessage.Of(_featureError)}", _featureError));
        }

        if (failure is null)
        {
            foreach (var hook in _bindings.Hooks(HookKind.BeforeScenario, scenario.Info.Tags))
            {
                var result = await RunHookAsync(hook, container, context, scenarioToken.Token, Translate).ConfigureAwait(false);
                hooks.Add(result);
                if (result.Error is ScenarioSkippedException skipped)
                {
                    skipReason = skipped.Reason;
                    break;
                }

                if (result.Error is not null)
                {
                    output($"-> [BeforeScenario] {hook.Name} failed: {ExceptionMessage.Of(result.Error)}");
                    Fail(result.Error);
                    break;
                }
            }
        }

        var steps = new List<StepResult>();
        foreach (var step in scenario.Steps)
        {
            output(step.Echo);
            if (failure is not null || skipReason is not null)
            {
                var why = skipReason is not null ? $"skipped: {skipReason}" : "skipped because of previous errors";
                output($"-> {why}");
                var skippedStep = SkippedStep(step, clock.GetUtcNow(), why);
                steps.Add(skippedStep);
                context.AddStepResult(skippedStep);
                continue;
            }

            if (context.LaterStepSkip(steps.Count) is { } notHere)
            {
                // Only this step is skipped (it cannot be judged here); the scenario goes on.
                output($"-> skipped: {notHere}");
                var skippedStep = SkippedStep(step, clock.GetUtcNow(), notHere);
                steps.Add(skippedStep);
                context.AddStepResult(skippedStep);
                continue;
            }

            var result = await RunStepAsync(scenario, step, container, context, hooks, scenarioToken.Token, Translate, output).ConfigureAwait(false);
            steps.Add(result);
            context.AddStepResult(result);
            if (result.Error is ScenarioSkippedException skipped)
            {
                skipReason = skipped.Reason;
            }
            else if (result.Outcome != StepOutcome.Passed)
            {
                Fail(result.Error ?? new StepBindingException(result.Message ?? result.Outcome.ToString()));
            }
        }

        context.CurrentStep = null;
        using var grace = new CancellationTokenSource(_options.AfterHookGrace);
        var afterToken = scenarioToken.IsCancellationRequested ? grace.Token : scenarioToken.Token;
        context.CancellationToken = afterToken;
        foreach (var hook in _bindings.Hooks(HookKind.AfterScenario, scenario.Info.Tags))
        {
            var result = await RunHookAsync(hook, container, context, afterToken, Translate).ConfigureAwait(false);
            hooks.Add(result);
            if (result.Error is not null and not ScenarioSkippedException)
            {
                output($"-> [AfterScenario] {hook.Name} failed: {ExceptionMessage.Of(result.Error)}");
                Fail(result.Error);
            }
        }

        foreach (var error in await container.DisposeAsync().ConfigureAwait(false))
        {
            output($"-> {ExceptionMessage.Of(error)}");
            Fail(error);
        }

        var outcome = failure is not null ? ScenarioOutcome.Failed : skipReason is not null ? ScenarioOutcome.Skipped : ScenarioOutcome.Passed;
        return new ScenarioResult(scenario.Info, outcome, outcome == ScenarioOutcome.Skipped ? skipReason : null, failure, start, clock.GetUtcNow(),
            steps, hooks, [.. context.ScenarioAttachments]);
    }

    private async Task<StepResult> RunStepAsync(
        ScenarioCase scenario, ScenarioStep step, ObjectContainer container, ScenarioContext context, List<HookResult> hooks,
        CancellationToken token, Func<Exception, Exception> translate, Action<string> output)
    {
        var clock = _options.Clock;
        var start = clock.GetUtcNow();
        var began = clock.GetTimestamp();
        context.BeginStep(step.Echo);
        var match = _bindings.Match(step);
        StepOutcome outcome;
        Exception? error = null;
        string? message;

        if (match.Binding is null && match.Candidates.Count == 0)
        {
            var snippet = SnippetGenerator.Generate(_bindings.ParameterTypes, step.ResolvedKeyword, step.Text, step.DataTable is not null, step.DocString is not null);
            message = $"No matching step definition found for the step \"{step.Echo}\" ({scenario.Info.FeatureFile}:{step.Line}). Use the following code to create one:{Environment.NewLine}{snippet}";
            output("-> " + message);
            outcome = StepOutcome.Undefined;
            error = new StepBindingException(message);
        }
        else if (match.Binding is null)
        {
            var candidates = match.Candidates.Select(c => $"  {c.Method.DeclaringType?.FullName}.{c.Method.Name} [{(c.Keyword?.ToString() ?? "StepDefinition")}(\"{c.Source}\")]");
            message = $"Ambiguous step definitions found for the step \"{step.Echo}\" ({scenario.Info.FeatureFile}:{step.Line}); every candidate:{Environment.NewLine}{string.Join(Environment.NewLine, candidates)}";
            output("-> " + message);
            outcome = StepOutcome.Ambiguous;
            error = new StepBindingException(message);
        }
        else
        {
            var binding = match.Binding;
            string call = binding.Name;
            outcome = StepOutcome.Passed;
            foreach (var hook in _bindings.Hooks(HookKind.BeforeStep, scenario.Info.Tags))
            {
                var result = await RunHookAsync(hook, container, context, token, translate).ConfigureAwait(false);
                hooks.Add(result);
                if (result.Error is not null)
                {
                    error = result.Error;
                    break;
                }
            }

            if (error is null)
            {
                try
                {
                    var args = Arguments(binding, match.Values, step, container);
                    call = $"{binding.Name}({string.Join(", ", args.Select(FormatArgument))})";
                    var target = binding.Method.IsStatic ? null : container.Resolve(binding.Method.DeclaringType!);
                    await MethodInvoker.InvokeAsync(binding.Method, target, args, token).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    error = translate(e);
                }
            }

            foreach (var hook in _bindings.Hooks(HookKind.AfterStep, scenario.Info.Tags))
            {
                var result = await RunHookAsync(hook, container, context, token, translate).ConfigureAwait(false);
                hooks.Add(result);
                error ??= result.Error;
            }

            var seconds = clock.GetElapsedTime(began).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            switch (error)
            {
                case null:
                    message = null;
                    output($"-> done: {call} ({seconds}s)");
                    break;
                case ScenarioSkippedException skipped:
                    outcome = StepOutcome.Skipped;
                    message = skipped.Reason;
                    output($"-> skipped: {skipped.Reason} ({seconds}s)");
                    break;
                case PendingStepException:
                    outcome = StepOutcome.Pending;
                    message = $"Pending: {call} is not implemented yet ({scenario.Info.FeatureFile}:{step.Line}).";
                    output($"-> pending: {call}");
                    break;
                default:
                    outcome = StepOutcome.Failed;
                    message = ExceptionMessage.Of(error);
                    output($"-> error: {message} ({seconds}s)");
                    break;
            }
        }

        var (attachments, parameters) = context.EndStep();
        foreach (var parameter in parameters)
        {
            output($"   {parameter.Name}: {parameter.Value}");
        }

        return new StepResult(step.Keyword, step.ResolvedKeyword.ToString(), step.Text, step.Line, step.DataTable, step.DocString,
            outcome, message, error, start, clock.GetUtcNow(), attachments) { Parameters = parameters };
    }

    private object?[] Arguments(StepDefinitionBinding binding, IReadOnlyList<string> values, ScenarioStep step, ObjectContainer container)
    {
        var parameters = binding.Method.GetParameters();
        var extra = step.BlockArgumentCount;
        if (parameters.Length != values.Count + extra)
        {
            var given = $"{values.Count} captured value(s){(step.DataTable is not null ? " and a DataTable" : step.DocString is not null ? " and a DocString" : string.Empty)}";
            throw new StepBindingException(
                $"{binding.Name} takes {parameters.Length} parameter(s) but the step \"{step.Text}\" gives {given} for the expression \"{binding.Source}\".");
        }

        var args = new object?[parameters.Length];
        for (var i = 0; i < values.Count; i++)
        {
            try
            {
                args[i] = binding.Convert(i, values[i], parameters[i].ParameterType, _bindings.Converter, container.Resolve);
            }
            catch (StepBindingException e)
            {
                throw new StepBindingException($"Parameter '{parameters[i].Name}' of {binding.Name}: {e.Message}", e.InnerException);
            }
        }

        if (extra == 1)
        {
            var last = parameters[^1].ParameterType;
            args[^1] = step.DataTable is not null
                ? last == typeof(DataTable) ? new DataTable(step.DataTable.Rows, _bindings.Converter)
                    : last == typeof(DataTableRows) ? step.DataTable
                    : throw new StepBindingException($"{binding.Name}: the step has a DataTable, so its last parameter must be DataTable (it is {last.Name}).")
                : last == typeof(string) ? step.DocString!.Content
                    : last == typeof(DocStringArgument) ? step.DocString
                    : throw new StepBindingException($"{binding.Name}: the step has a DocString, so its last parameter must be string (it is {last.Name}).");
        }

        return args;
    }

    private async Task<HookResult> RunHookAsync(
        HookBinding hook, ObjectContainer container, ScenarioContext context, CancellationToken token, Func<Exception, Exception> translate)
    {
        var start = _options.Clock.GetUtcNow();
        Exception? error = null;
        try
        {
            var args = hook.Method.GetParameters().Select(p => container.Resolve(p.ParameterType)).ToArray();
            var target = hook.Method.IsStatic ? null : container.Resolve(hook.Method.DeclaringType!);
            await MethodInvoker.InvokeAsync(hook.Method, target, args, token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            error = translate(e);
        }

        var outcome = error switch
        {
            null => StepOutcome.Passed,
            ScenarioSkippedException => StepOutcome.Skipped,
            _ => StepOutcome.Failed,
        };
        return new HookResult(hook.Kind.ToString(), hook.Name, hook.Kind.ToString().StartsWith("Before", StringComparison.Ordinal),
            outcome, error, start, _options.Clock.GetUtcNow());
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
                _options.ErrorSink($"Run listener {listener.GetType().FullName}.{what} threw (the run goes on): {e}");
            }
        }
    }

    private static StepResult SkippedStep(ScenarioStep step, DateTimeOffset at, string reason) =>
        new(step.Keyword, step.ResolvedKeyword.ToString(), step.Text, step.Line, step.DataTable, step.DocString,
            StepOutcome.Skipped, reason, null, at, at, []);

    private static string FormatArgument(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        DataTable => "<table>",
        DataTableRows => "<table>",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Describe(TimeSpan timeout) =>
        timeout.TotalMinutes >= 1 && timeout.Seconds == 0 ? $"{timeout.TotalMinutes:0} min" : $"{timeout.TotalSeconds:0} s";
}
