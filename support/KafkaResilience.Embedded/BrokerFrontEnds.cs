namespace KafkaResilience.Embedded;

/// <summary>
/// What stands between clients and each mock broker: nothing (clients reach the broker's own
/// listener), or one fault proxy per broker behind a Toxiproxy-compatible API. Owns the proxies.
/// </summary>
internal sealed class BrokerFrontEnds : IAsyncDisposable
{
    private BrokerFrontEnds(IReadOnlyDictionary<int, string> advertised, Uri? apiAddress)
    {
        Advertised = advertised;
        ApiAddress = apiAddress;
    }

    /// <summary>The address each broker is advertised at.</summary>
    public IReadOnlyDictionary<int, string> Advertised { get; }

    public Uri? ApiAddress { get; }

    public bool HasProxies => ApiAddress is not null;

    public static Task<BrokerFrontEnds> StartAsync(EmbeddedClusterOptions options, IReadOnlyDictionary<int, string> listeners, CancellationToken ct)
    {
        if (options.UseFaultProxy)
            throw new NotSupportedException($"{nameof(EmbeddedClusterOptions.UseFaultProxy)}=true needs the fault proxy, which is not integrated yet; use false.");
        return Task.FromResult(new BrokerFrontEnds(listeners, null));
    }

    public void DropConnections(int brokerId)
    {
        // Without proxies the mock itself closes every connection of a broker it sets down.
    }

    public void SetEnabled(int brokerId, bool enabled) =>
        throw new InvalidOperationException($"Broker {brokerId} has no fault proxy to {(enabled ? "enable" : "disable")}.");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
