using Confluent.Kafka;
using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Faults;

/// <summary>
/// Asks the cluster's metadata (through a Kafka admin client, the way any client learns it) which
/// brokers serve clients. A killed, stopped or isolated broker drops out; a restarted one returns.
/// </summary>
public sealed class MetadataBrokerProbe : IBrokerProbe, IDisposable
{
    /// <summary>How long one metadata request may take.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(3);

    private readonly IAdminClient _admin;

    public MetadataBrokerProbe(IKafkaCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var config = new AdminClientConfig(cluster.ClientSettings.ToDictionary(kv => kv.Key, kv => kv.Value))
        {
            BootstrapServers = cluster.BootstrapServers,
            SocketTimeoutMs = 3000,
            TopicMetadataRefreshIntervalMs = 1000,
        };
        _admin = new AdminClientBuilder(config).SetLogHandler((_, _) => { }).Build();
    }

    public Task<bool> IsServingAsync(int brokerId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.Run(() =>
        {
            try
            {
                return _admin.GetMetadata(RequestTimeout).Brokers.Any(b => b.BrokerId == brokerId);
            }
            catch (KafkaException)
            {
                return false;
            }
        }, cancellationToken);
    }

    /// <summary>The brokers the metadata lists right now (empty when it cannot be read).</summary>
    public IReadOnlyList<int> ServingBrokers()
    {
        try
        {
            return [.. _admin.GetMetadata(RequestTimeout).Brokers.Select(b => b.BrokerId).Order()];
        }
        catch (KafkaException)
        {
            return [];
        }
    }

    public void Dispose() => _admin.Dispose();
}
