namespace KafkaResilience.Cli;

/// <summary>`kafka-resilience cluster`: starts a standalone embedded cluster until Ctrl-C (issue 3).</summary>
internal static class ClusterCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("kafka-resilience cluster: not implemented yet");
        return Task.FromResult(2);
    }
}
