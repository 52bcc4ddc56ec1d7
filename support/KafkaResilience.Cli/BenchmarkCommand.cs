namespace KafkaResilience.Cli;

/// <summary>`kafka-resilience benchmark`: produce and consume N messages and print perf-test lines (issue 8).</summary>
internal static class BenchmarkCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("kafka-resilience benchmark: not implemented yet");
        return Task.FromResult(2);
    }
}
