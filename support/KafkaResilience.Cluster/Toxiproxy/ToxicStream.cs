namespace KafkaResilience.Cluster.Toxiproxy;

/// <summary>
/// Which half of a proxied connection a toxic affects: <see cref="Upstream"/> is client to server
/// (requests), <see cref="Downstream"/> server to client (responses). Toxiproxy's default is downstream.
/// </summary>
public enum ToxicStream
{
    Upstream,
    Downstream,
}
