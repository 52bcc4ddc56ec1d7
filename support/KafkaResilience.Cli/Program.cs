using KafkaResilience.Cli;

// kafka-resilience <command> [options]: the suite's command-line tools.
// Each command lives in its own file and returns a process exit code; CommandRunner gives every one the
// same Ctrl-C handling and the same one-line failures.
var commands = new Dictionary<string, Func<string[], CancellationToken, Task<int>>>(StringComparer.Ordinal)
{
    ["cluster"] = ClusterCommand.RunAsync,
    ["benchmark"] = BenchmarkCommand.RunAsync,
};

if (args.Length == 0 || args[0] is "-h" or "--help" || !commands.TryGetValue(args[0], out var run))
{
    var known = string.Join(", ", commands.Keys);
    if (args.Length > 0 && args[0] is not ("-h" or "--help"))
        Console.Error.WriteLine($"kafka-resilience: unknown command '{args[0]}'. Allowed: {known}.");
    Console.Error.WriteLine("usage: kafka-resilience <command> [options]   (commands: " + known + "; '<command> --help' for its options)");
    return args.Length == 0 || args[0] is "-h" or "--help" ? 0 : 2;
}

return await CommandRunner.RunAsync(args[0], run, args[1..], Console.Error);
