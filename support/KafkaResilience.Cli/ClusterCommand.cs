using System.Runtime.InteropServices;
using KafkaResilience.Embedded.Standalone;

namespace KafkaResilience.Cli;

/// <summary>`kafka-resilience cluster`: a standalone embedded cluster that runs until Ctrl-C or SIGTERM (issue 3).</summary>
internal static class ClusterCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCtrlC = (_, e) =>
        {
            e.Cancel = true; // tear down cleanly instead of dying with the mock's ports open
            stop.Cancel();
        };
        Console.CancelKeyPress += onCtrlC;
        using var onSigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            return await StandaloneCluster.RunAsync(args, Console.Out, Console.Error, stop.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCtrlC;
        }
    }
}
