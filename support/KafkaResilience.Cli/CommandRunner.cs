using System.Runtime.InteropServices;

namespace KafkaResilience.Cli;

/// <summary>
/// Runs one command of <c>kafka-resilience</c> the same way for every command: Ctrl-C (SIGINT) or SIGTERM
/// cancels it and it tears down what it started within <see cref="TeardownBound"/> (a second Ctrl-C ends the
/// process at once); a failure prints one line naming the command and the reason, never a stack trace.
/// Exit codes: the command's own, <see cref="ExitFailed"/> for a failure, <see cref="ExitInterrupted"/> for
/// an interrupted command that had not finished (128 + SIGINT, as shells report it).
/// </summary>
internal static class CommandRunner
{
    public const int ExitFailed = 1;
    public const int ExitInterrupted = 130;

    /// <summary>How long a cancelled command may take to stop its clients and cluster before the process ends anyway.</summary>
    public static readonly TimeSpan TeardownBound = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string name, Func<string[], CancellationToken, Task<int>> command, string[] args, TextWriter error)
    {
        using var stop = new CancellationTokenSource();
        var signals = 0;
        void OnSignal(PosixSignalContext context)
        {
            if (Interlocked.Increment(ref signals) > 1) return; // the second one takes its default action: the process ends
            context.Cancel = true;
            error.WriteLine($"kafka-resilience {name}: {context.Signal}, stopping (press Ctrl-C again to quit at once)");
            stop.Cancel();
        }

        using var onSigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var onSigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        var run = Task.Run(() => command(args, stop.Token), CancellationToken.None);
        try
        {
            await Task.WhenAny(run, Task.Delay(Timeout.Infinite, stop.Token)).ConfigureAwait(false);
            if (!run.IsCompleted && await Task.WhenAny(run, Task.Delay(TeardownBound, CancellationToken.None)).ConfigureAwait(false) != run)
            {
                error.WriteLine($"kafka-resilience {name}: did not stop within {TeardownBound.TotalSeconds:0} s of the interrupt; quitting.");
                return ExitInterrupted;
            }

            return await run.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            error.WriteLine($"kafka-resilience {name}: interrupted.");
            return ExitInterrupted;
        }
        catch (Exception e)
        {
            error.WriteLine($"kafka-resilience {name}: {CommandError.Describe(e)}");
            return ExitFailed;
        }
    }
}
