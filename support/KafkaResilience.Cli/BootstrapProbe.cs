using KafkaResilience.Cluster;
using KafkaResilience.Workloads.Producing;

namespace KafkaResilience.Cli;

/// <summary>
/// Asks given bootstrap servers for a topic's metadata before any workload starts, so that an unreachable
/// cluster or a missing topic fails within <see cref="Timeout"/> naming the address, instead of producers
/// and consumers waiting out their budgets. Asks through a bare librdkafka client, which costs milliseconds.
/// </summary>
internal static class BootstrapProbe
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static void Check(string bootstrap, IReadOnlyDictionary<string, string> settings, string topic, TimeSpan timeout)
    {
        var check = TopicProbe.Check(bootstrap, settings, topic, timeout);
        switch (check.State)
        {
            case TopicState.Ready:
                return;
            case TopicState.NoAnswer:
                throw new CommandFailedException(
                    $"no Kafka broker answered at {bootstrap} within {timeout.TotalSeconds:0} s ({check.Detail}); check --bootstrap, or leave it out to start an embedded cluster.");
            case TopicState.Missing:
                throw new CommandFailedException(
                    $"topic '{topic}' does not exist at {bootstrap}; create it first or name another with --topic (the benchmark creates its topic only on its own embedded cluster).");
            default:
                throw new CommandFailedException($"topic '{topic}' at {bootstrap} cannot be used: {check.Detail}.");
        }
    }
}
