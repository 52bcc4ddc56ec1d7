using Confluent.Kafka;

namespace KafkaResilience.Cli;

/// <summary>
/// Asks given bootstrap servers for a topic's metadata before any workload starts, so that an unreachable
/// cluster or a missing topic fails within <see cref="Timeout"/> naming the address, instead of producers
/// and consumers waiting out their budgets.
/// </summary>
internal static class BootstrapProbe
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static void Check(string bootstrap, IReadOnlyDictionary<string, string> settings, string topic, TimeSpan timeout)
    {
        var config = new AdminClientConfig(settings.ToDictionary(kv => kv.Key, kv => kv.Value)) { BootstrapServers = bootstrap };
        using var admin = new AdminClientBuilder(config).SetLogHandler((_, _) => { }).SetErrorHandler((_, _) => { }).Build();
        Metadata metadata;
        try
        {
            metadata = admin.GetMetadata(topic, timeout);
        }
        catch (KafkaException e)
        {
            throw new CommandFailedException(
                $"no Kafka broker answered at {bootstrap} within {timeout.TotalSeconds:0} s ({e.Error.Reason}); check --bootstrap, or leave it out to start an embedded cluster.");
        }

        var found = metadata.Topics.FirstOrDefault(t => t.Topic == topic);
        if (found is null || found.Error.Code == ErrorCode.UnknownTopicOrPart)
        {
            throw new CommandFailedException(
                $"topic '{topic}' does not exist at {bootstrap}; create it first or name another with --topic (the benchmark creates its topic only on its own embedded cluster).");
        }

        if (found.Error.Code != ErrorCode.NoError || found.Partitions.Count == 0)
        {
            throw new CommandFailedException($"topic '{topic}' at {bootstrap} cannot be used: {found.Error.Code} {found.Error.Reason}".TrimEnd() + ".");
        }
    }
}
