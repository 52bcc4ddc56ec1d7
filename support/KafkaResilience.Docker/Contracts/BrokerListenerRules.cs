namespace KafkaResilience.Docker.Contracts;

/// <summary>
/// The listener rules both Kafka images share (each image contract gives them with the source of its own Kafka
/// version): listener list well formed, names and ports distinct, every name mapped to PLAINTEXT, advertised names a
/// subset of the listeners with routable hosts, the inter-broker listener advertised, and no SSL or SASL listener
/// (the images' configure scripts would then demand keystores or a JAAS file).
/// </summary>
public sealed record BrokerListenerRules(
    ContractRule Listeners,
    ContractRule ProtocolMap,
    ContractRule Advertised,
    ContractRule InterBroker,
    ContractRule Plaintext,
    bool AdvertisedPortsDistinct)
{
    /// <summary>Applies the rules to one broker container.</summary>
    public void Check(ContainerUnderContract broker, ContractFindings findings, IReadOnlyCollection<string> controllerListeners)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(findings);
        var listenersText = broker.Env("KAFKA_LISTENERS");
        var (listeners, listenersError) = KafkaListenerAddress.ParseList(listenersText);
        findings.Expect(listeners is not null
                && listeners.Select(l => l.Name).Distinct(StringComparer.Ordinal).Count() == listeners.Count
                && listeners.Select(l => l.Port).Distinct().Count() == listeners.Count,
            Listeners, broker, "KAFKA_LISTENERS", listenersError is null ? listenersText : $"{listenersText} ({listenersError})");

        var map = (broker.Env("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => e.Split(':', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        foreach (var listener in listeners ?? [])
            findings.Expect(map.TryGetValue(listener.Name, out var protocol) && protocol == "PLAINTEXT", ProtocolMap, broker,
                "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", $"{broker.Env("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")} (listener {listener.Name})");

        var advertisedText = broker.Env("KAFKA_ADVERTISED_LISTENERS");
        var (advertised, advertisedError) = KafkaListenerAddress.ParseList(advertisedText);
        var names = (listeners ?? []).Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
        findings.Expect(advertised is not null
                && advertised.All(a => names.Contains(a.Name) && a.Host.Length > 0 && a.Host != "0.0.0.0")
                && advertised.Select(a => a.Name).Distinct(StringComparer.Ordinal).Count() == advertised.Count
                && (!AdvertisedPortsDistinct || advertised.Select(a => a.Port).Distinct().Count() == advertised.Count),
            Advertised, broker, "KAFKA_ADVERTISED_LISTENERS", advertisedError is null ? advertisedText : $"{advertisedText} ({advertisedError})");

        var interBroker = broker.Env("KAFKA_INTER_BROKER_LISTENER_NAME");
        findings.Expect(interBroker is not null && !controllerListeners.Contains(interBroker) && (advertised ?? []).Any(a => a.Name == interBroker),
            InterBroker, broker, "KAFKA_INTER_BROKER_LISTENER_NAME", interBroker);

        findings.Expect(advertisedText is null || (!advertisedText.Contains("SSL://", StringComparison.Ordinal) && !advertisedText.Contains("SASL_", StringComparison.Ordinal)),
            Plaintext, broker, "KAFKA_ADVERTISED_LISTENERS", advertisedText);
    }
}
