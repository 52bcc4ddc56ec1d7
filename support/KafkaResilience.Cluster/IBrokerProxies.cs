namespace KafkaResilience.Cluster;

/// <summary>
/// A target whose brokers can sit behind Toxiproxy, one proxy per broker: where its API is and which proxy fronts
/// which broker, so network faults (latency, bandwidth, resets) can be put on one broker's client connections.
/// </summary>
public interface IBrokerProxies
{
    /// <summary>Base address of the Toxiproxy REST API fronting the brokers, or null when this cluster runs without one.</summary>
    Uri? ToxiproxyApi { get; }

    /// <summary>Name of the Toxiproxy proxy in front of a broker (e.g. "broker-106").</summary>
    string ProxyNameOf(int brokerId);
}
