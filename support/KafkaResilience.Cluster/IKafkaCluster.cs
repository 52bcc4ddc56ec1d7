namespace KafkaResilience.Cluster;

/// <summary>
/// A Kafka cluster under test (Jepsen's <c>db</c> role): who it is and how clients reach it, and its facts
/// (<see cref="IClusterAdmin"/>). Every target (embedded mock, Docker, external) implements it, so scenarios and steps
/// never know which one they run on. What a target can do to its brokers is a role of its own, found by a type test:
/// <see cref="IBrokerFaults"/> (kill, stop, start, pause), <see cref="IBrokerIsolation"/>, <see cref="IBrokerProxies"/>,
/// <see cref="IZooKeeperFaults"/>, <see cref="ITransactionCoordinators"/>; a target without one cannot be asked for it,
/// and <see cref="Capabilities"/> says why in words for reports.
/// </summary>
public interface IKafkaCluster : IClusterAdmin, IAsyncDisposable
{
    /// <summary>The kind of target: "embedded", "docker" or "external".</summary>
    string TargetName { get; }

    /// <summary>What exactly runs, for reports, e.g. "embedded librdkafka 2.16.0 mock cluster".</summary>
    string Description { get; }

    /// <summary>Broker ids as the scenario chose them (e.g. 105, 106, 108).</summary>
    IReadOnlyList<int> BrokerIds { get; }

    /// <summary>Bootstrap servers clients connect to (through the fault proxies where there are any).</summary>
    string BootstrapServers { get; }

    /// <summary>Client settings every producer, consumer and admin client needs (security, for example); never logged.</summary>
    IReadOnlyDictionary<string, string> ClientSettings { get; }

    /// <summary>What this target can and cannot model.</summary>
    ClusterCapabilities Capabilities { get; }
}
