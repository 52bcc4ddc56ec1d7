using System.Globalization;
using KafkaResilience.Cluster;

namespace KafkaResilience.Embedded.Standalone;

/// <summary>
/// The arguments of <c>kafka-resilience cluster</c>, parsed into validated <see cref="EmbeddedClusterOptions"/>.
/// Parsing is pure: bad input throws <see cref="ArgumentException"/> whose message names the option
/// and what it allows, which the command prints before exiting with code 2.
/// </summary>
public sealed record ClusterCommandLine(EmbeddedClusterOptions Options, bool ShowHelp)
{
    public const string Usage = """
        usage: kafka-resilience cluster [options]
          Starts an embedded Kafka-protocol cluster (librdkafka's mock) on 127.0.0.1, prints its
          bootstrap servers and Toxiproxy API address, and runs until Ctrl-C or SIGTERM.
        options:
          --brokers 105,106,108        broker ids, distinct, non-negative (default 105,106,108)
          --topic NAME:PARTITIONS:RF   create a topic; repeatable (e.g. --topic q_1:3:3)
          --detection-delay 3s         emulated broker.session.timeout.ms before failover
                                       (0 to 5m; units ms, s, m; default 3s)
          --toxiproxy-port N           port of the Toxiproxy-compatible API (0 = any free port, default;
                                       8474 is Toxiproxy's own)
          --no-fault-proxy             let clients reach the brokers directly (no toxics)
          -h, --help                   show this help
        """;

    public static ClusterCommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new EmbeddedClusterOptions();
        var topics = new List<TopicSpec>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help":
                    return new ClusterCommandLine(options, ShowHelp: true);
                case "--brokers":
                    options = options with { BrokerIds = ParseBrokers(Value(args, ref i, arg)) };
                    break;
                case "--topic":
                    topics.Add(ParseTopic(Value(args, ref i, arg)));
                    break;
                case "--detection-delay":
                    options = options with { DetectionDelay = ParseDuration(Value(args, ref i, arg), arg) };
                    break;
                case "--toxiproxy-port":
                    options = options with { ToxiproxyApiPort = ParseInt(Value(args, ref i, arg), arg, "0 (any free port) or 1-65535") };
                    break;
                case "--no-fault-proxy":
                    options = options with { UseFaultProxy = false };
                    break;
                default:
                    throw new ArgumentException(
                        $"unknown option '{arg}'. Allowed: --brokers, --topic, --detection-delay, --toxiproxy-port, --no-fault-proxy, --help.");
            }
        }
        options = options with { Topics = topics };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"invalid cluster settings: {e.Message}", e);
        }
        return new ClusterCommandLine(options, ShowHelp: false);
    }

    /// <summary>Parses "500ms", "3s", "1.5s", "2m" or "0".</summary>
    public static TimeSpan ParseDuration(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : text.EndsWith('m') ? (text[..^1], 60_000.0)
            : text == "0" ? (text, 1.0)
            : (null, 0.0);
        if (number is null || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || double.IsInfinity(value))
            throw new ArgumentException($"{option} '{text}' is not a duration. Allowed: a non-negative number with unit ms, s or m (e.g. 500ms, 3s, 2m).");
        return TimeSpan.FromMilliseconds(value * unit);
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string option)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            throw new ArgumentException($"{option} needs a value (see --help).");
        return args[++i];
    }

    private static int[] ParseBrokers(string text) => text.Split(',')
        .Select(part => ParseInt(part.Trim(), "--brokers", "comma-separated non-negative integers, e.g. 105,106,108"))
        .ToArray();

    private static TopicSpec ParseTopic(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 3 || string.IsNullOrWhiteSpace(parts[0]))
            throw new ArgumentException($"--topic '{text}' must be NAME:PARTITIONS:REPLICATION_FACTOR, e.g. q_1:3:3.");
        const string allowed = "a positive integer in NAME:PARTITIONS:REPLICATION_FACTOR, e.g. q_1:3:3";
        return new TopicSpec(parts[0], ParseInt(parts[1], "--topic partitions", allowed), ParseInt(parts[2], "--topic replication factor", allowed));
    }

    private static int ParseInt(string text, string option, string allowed) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{option} '{text}' is not an integer. Allowed: {allowed}.");
}
