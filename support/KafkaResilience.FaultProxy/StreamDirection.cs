namespace KafkaResilience.FaultProxy;

/// <summary>
/// Direction of one half of a proxied connection: upstream is client to server, downstream is
/// server to client (Toxiproxy's meaning).
/// </summary>
internal enum StreamDirection
{
    Upstream = 0,
    Downstream = 1,
}
