using System.Globalization;
using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.Bindings.Reflection;
using Reqnroll.BoDi;
using Reqnroll.BindingSkeletons;
using Reqnroll.Configuration;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;

namespace KafkaResilience.Reqnroll.Running;

/// <summary>
/// Reqnroll's step echo ("Given ...", "-> done: ...") with one change: a step the host skipped (ahead of time, or
/// ended "not judged") echoes "-> skipped: why" instead of "-> done", so the console says what the reports say.
/// </summary>
public sealed class HostTestTracer(
    ITraceListener traceListener,
    IStepFormatter stepFormatter,
    IStepDefinitionSkeletonProvider skeletons,
    ReqnrollConfiguration configuration,
    IColorOutputTheme theme,
    IColorOutputHelper colors,
    IObjectContainer container) : ITestTracer
{
    private readonly TestTracer _inner = new(traceListener, stepFormatter, skeletons, configuration, theme, colors);

    // Resolved when first needed: the context manager itself depends on the tracer.
    private readonly Lazy<IContextManager> _contextManager = new(container.Resolve<IContextManager>);

    public void TraceStepDone(BindingMatch match, object[] arguments, TimeSpan duration)
    {
        if (_contextManager.Value.StepContext?.StepError is StepSkippedByHostException skipped)
        {
            traceListener.WriteToolOutput($"skipped: {skipped.Message}");
            return;
        }

        _inner.TraceStepDone(match, arguments, duration);
    }

    public void TraceStep(StepInstance stepInstance, bool showAdditionalArguments) => _inner.TraceStep(stepInstance, showAdditionalArguments);

    public void TraceWarning(string text) => _inner.TraceWarning(text);

    public void TraceStepSkipped(Exception exception) => _inner.TraceStepSkipped(exception);

    public void TraceStepSkippedBecauseOfPreviousErrors() => _inner.TraceStepSkippedBecauseOfPreviousErrors();

    public void TraceStepPending(BindingMatch match, object[] arguments, Exception exception) => _inner.TraceStepPending(match, arguments, exception);

    public void TraceBindingError(Exception ex) => _inner.TraceBindingError(ex);

    public void TraceError(Exception ex, TimeSpan duration) => _inner.TraceError(ex, duration);

    public void TraceNoMatchingStepDefinition(StepInstance stepInstance, ProgrammingLanguage targetLanguage, CultureInfo bindingCulture, List<BindingMatch> matchesWithoutScopeCheck) =>
        _inner.TraceNoMatchingStepDefinition(stepInstance, targetLanguage, bindingCulture, matchesWithoutScopeCheck);

    public void TraceDuration(TimeSpan elapsed, IBindingMethod method, object[] arguments) => _inner.TraceDuration(elapsed, method, arguments);

    public void TraceDuration(TimeSpan elapsed, string text) => _inner.TraceDuration(elapsed, text);
}
