using Confluent.Kafka;

namespace KafkaResilience.Workloads.Producing;

/// <summary>Reads a topic's partition count from the cluster's metadata (the topic must exist; workloads never create topics).</summary>
public static class TopicProbe
{
    /// <summary>Polls metadata until the topic shows its partitions, or throws after <paramref name="timeout"/> naming the topic.</summary>
    public static int PartitionCount(string bootstrapServers, IReadOnlyDictionary<string, string> clientSettings, string topic, TimeSpan timeout)
    {
        var config = new AdminClientConfig(clientSettings.ToDictionary(kv => kv.Key, kv => kv.Value)) { BootstrapServers = bootstrapServers };
        // An admin client is a producer inside librdkafka, which asks for missing topics to be created by
        // default (the embedded mock does create them): asking about a topic must not make it exist.
        if (!clientSettings.ContainsKey("allow.auto.create.topics")) config.Set("allow.auto.create.topics", "false");
        using var admin = new AdminClientBuilder(config).SetLogHandler((_, _) => { }).Build();
        var deadline = DateTime.UtcNow + timeout;
        string last = "no answer";
        for (var attempt = 0; attempt < 1000 && DateTime.UtcNow < deadline; attempt++)
        {
            try
            {
                var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(Math.Max(1, Math.Min(5, (deadline - DateTime.UtcNow).TotalSeconds))));
                var t = metadata.Topics.FirstOrDefault(x => x.Topic == topic);
                if (t is not null && t.Error.Code == ErrorCode.NoError && t.Partitions.Count > 0)
                    return t.Partitions.Count;
                last = t is null ? "topic not in metadata" : $"{t.Error.Code}: {t.Error.Reason}";
            }
            catch (KafkaException e)
            {
                last = e.Message;
            }
        }
        throw new TimeoutException($"Topic '{topic}' did not show its partitions within {timeout.TotalSeconds:0.#}s at {bootstrapServers} (last: {last}). Create it before starting workloads.");
    }
}
