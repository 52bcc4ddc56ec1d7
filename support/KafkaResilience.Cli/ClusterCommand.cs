using KafkaResilience.Embedded.Standalone;

namespace KafkaResilience.Cli;

/// <summary>`kafka-resilience cluster`: a standalone embedded cluster that runs until Ctrl-C or SIGTERM (issue 3).</summary>
internal static class ClusterCommand
{
    /// <summary>Runs until <paramref name="stop"/> fires (CommandRunner wires it to Ctrl-C and SIGTERM), then tears the cluster down.</summary>
    public static Task<int> RunAsync(string[] args, CancellationToken stop) =>
        StandaloneCluster.RunAsync(args, Console.Out, Console.Error, stop);
}
