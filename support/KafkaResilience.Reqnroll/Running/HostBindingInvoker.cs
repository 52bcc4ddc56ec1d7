using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.Configuration;
using Reqnroll.EnvironmentAccess;
using Reqnroll.ErrorHandling;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;

namespace KafkaResilience.Reqnroll.Running;

/// <summary>
/// Reqnroll's binding invoker with the host's two additions for a scenario the host runs: a step or hook waits at most
/// until the scenario's deadline (a step that ignores its token is left behind, and the scenario fails as timed out
/// instead of hanging the run), and a step marked "skip" on the <see cref="RunningScenario"/> is not called at all,
/// its step context set to Skipped with the reason while the scenario goes on; a step that ends "not judged" is marked
/// the same way once it returns.
/// </summary>
public sealed class HostBindingInvoker(
    ReqnrollConfiguration configuration,
    IErrorProvider errorProvider,
    IBindingDelegateInvoker delegateInvoker,
    IEnvironmentOptions environmentOptions)
    : BindingInvoker(configuration, errorProvider, delegateInvoker, environmentOptions)
{
    public override async Task<object> InvokeBindingAsync(IBinding binding, IContextManager contextManager, object[] arguments, ITestTracer testTracer, DurationHolder durationHolder)
    {
        var running = Running(contextManager);
        if (running is null || binding is not (IStepDefinitionBinding or IHookBinding))
            return await base.InvokeBindingAsync(binding, contextManager, arguments, testTracer, durationHolder).ConfigureAwait(false);

        var step = binding is IStepDefinitionBinding ? running.CurrentStepIndex : -1;
        if (step >= 0 && running.LaterStepSkip(step) is { } skip)
        {
            durationHolder.Duration = TimeSpan.Zero;
            MarkSkipped(contextManager, skip);
            return null!;
        }

        var call = Task.Run(() => base.InvokeBindingAsync(binding, contextManager, arguments, testTracer, durationHolder), CancellationToken.None);
        object result;
        try
        {
            result = await call.WaitAsync(running.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!call.IsCompleted && running.TimedOut)
        {
            throw ScenarioTimeoutException.After(running.Case.Timeout);
        }
        catch (OperationCanceledException e) when (!call.IsCompleted)
        {
            throw new OperationCanceledException("The test run was aborted.", e);
        }

        if (step >= 0 && running.NotJudgedReason(step) is { } notJudged) MarkSkipped(contextManager, "not judged: " + notJudged);
        return result;
    }

    private static void MarkSkipped(IContextManager contextManager, string reason)
    {
        if (contextManager.StepContext is not { } step) return;
        step.Status = ScenarioExecutionStatus.Skipped;
        step.StepError = new StepSkippedByHostException(reason);
    }

    private static RunningScenario? Running(IContextManager contextManager) =>
        contextManager.ScenarioContext?.ScenarioContainer is { } container && container.IsRegistered<RunningScenario>()
            ? container.Resolve<RunningScenario>()
            : null;
}
