using System.Reflection;
using System.Runtime.ExceptionServices;

namespace KafkaResilience.Gherkin;

/// <summary>Calls a binding method that returns void, Task or ValueTask, unwrapping reflection's wrapper exception.</summary>
internal static class MethodInvoker
{
    /// <summary>Runs the method off the caller's thread and waits until it ends or <paramref name="token"/> fires.</summary>
    public static async Task InvokeAsync(MethodInfo method, object? target, object?[] args, CancellationToken token)
    {
        var call = Task.Run(() => CallAsync(method, target, args), CancellationToken.None);
        await call.WaitAsync(token).ConfigureAwait(false);
    }

    private static async Task CallAsync(MethodInfo method, object? target, object?[] args)
    {
        object? returned;
        try
        {
            returned = method.Invoke(target, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }

        switch (returned)
        {
            case Task task:
                await task.ConfigureAwait(false);
                break;
            case ValueTask valueTask:
                await valueTask.ConfigureAwait(false);
                break;
        }
    }
}
