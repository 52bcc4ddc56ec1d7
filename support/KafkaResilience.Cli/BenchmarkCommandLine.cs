using System.Globalization;

namespace KafkaResilience.Cli;

/// <summary>The parsed arguments of `kafka-resilience benchmark`; every error names the option and what it allows.</summary>
internal sealed record BenchmarkCommandLine
{
    public const string Usage = """
        usage: kafka-resilience benchmark [options]
          --messages N        messages to produce (default 1000000)
          --size S            bytes per message, >= 24 (default 100)
          --rate R            target msg/s over all producers, 0 = as fast as possible (default 0)
          --bootstrap H:P,..  an existing cluster (the topic must exist); default: start an embedded one
          --topic NAME        topic (default: benchmark; created only on the embedded cluster)
          --partitions P      partitions of the embedded cluster's topic (default 3)
          --producers K       producer instances (default 1)
          --threads T         sending threads per producer instance (default 1)
          --consumers C       consumers reading while producing, 0 = none (default 3)
          --ledger on|off     record every message for the lost/dup/order checkers (default on)
          --consume-only      only read what the topic holds: from its log start to the end offsets it has when
                              the readers start, then stop (as `kcat -C -e`); --consumers readers split the partitions,
                              each reading up to 5000 records ahead per partition, in fetches of at most 256 KB
          --until-idle        with --consume-only: read until nothing new came for 2 s instead
          --set NAME=VALUE    a producer setting by librdkafka name (repeatable), e.g. --set acks=all;
                              queue.buffering.max.messages is 20000 unless set (librdkafka's 100000 sends
                              faster still, for about twice the peak memory)
          --progress SECONDS  progress line interval on stderr (default 2)
        """;

    public long Messages { get; init; } = 1_000_000;
    public int Size { get; init; } = 100;
    public double Rate { get; init; }
    public string? Bootstrap { get; init; }
    public string Topic { get; init; } = "benchmark";
    public int Partitions { get; init; } = 3;
    public int Producers { get; init; } = 1;
    public int Threads { get; init; } = 1;
    public int Consumers { get; init; } = 3;
    public bool Ledger { get; init; } = true;
    public bool ConsumeOnly { get; init; }
    public bool UntilIdle { get; init; }
    public bool Help { get; init; }
    public double ProgressSeconds { get; init; } = 2;
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public static BenchmarkCommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new BenchmarkCommandLine();
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            result = args[i] switch
            {
                "-h" or "--help" => result with { Help = true },
                "--messages" => result with { Messages = Long(Value(), "--messages", 1) },
                "--size" => result with { Size = Int(Value(), "--size", 24) },
                "--rate" => result with { Rate = Double(Value(), "--rate") },
                "--bootstrap" => result with { Bootstrap = Value() },
                "--topic" => result with { Topic = Value() },
                "--partitions" => result with { Partitions = Int(Value(), "--partitions", 1) },
                "--producers" => result with { Producers = Int(Value(), "--producers", 1) },
                "--threads" => result with { Threads = Int(Value(), "--threads", 1) },
                "--consumers" => result with { Consumers = Int(Value(), "--consumers", 0) },
                "--ledger" => result with { Ledger = Value() switch { "on" => true, "off" => false, var v => throw new ArgumentException($"--ledger must be 'on' or 'off' (got '{v}').") } },
                "--consume-only" => result with { ConsumeOnly = true },
                "--until-idle" => result with { UntilIdle = true },
                "--progress" => result with { ProgressSeconds = Double(Value(), "--progress") },
                "--set" => AddSetting(result, settings, Value()),
                var unknown => throw new ArgumentException($"Unknown option '{unknown}'. Allowed: --messages, --size, --rate, --bootstrap, --topic, --partitions, --producers, --threads, --consumers, --ledger, --consume-only, --until-idle, --set, --progress."),
            };
        }
        if (result.UntilIdle && !result.ConsumeOnly) throw new ArgumentException("--until-idle goes with --consume-only.");
        return result with { Settings = settings };
    }

    private static BenchmarkCommandLine AddSetting(BenchmarkCommandLine r, Dictionary<string, string> settings, string pair)
    {
        var eq = pair.IndexOf('=');
        if (eq <= 0) throw new ArgumentException($"--set must be NAME=VALUE (got '{pair}').");
        settings[pair[..eq]] = pair[(eq + 1)..];
        return r;
    }

    private static int Int(string text, string option, int min) =>
        int.TryParse(text.Replace("_", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min
            ? v : throw new ArgumentException($"{option} must be a whole number from {min} to {int.MaxValue} (got '{text}').");

    private static long Long(string text, string option, long min) =>
        long.TryParse(text.Replace("_", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min
            ? v : throw new ArgumentException($"{option} must be an integer >= {min} (got '{text}').");

    private static double Double(string text, string option) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0
            ? v : throw new ArgumentException($"{option} must be a number >= 0 (got '{text}').");
}
