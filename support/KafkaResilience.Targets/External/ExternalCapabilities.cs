using KafkaResilience.Cluster;

namespace KafkaResilience.Targets.External;

/// <summary>
/// What a cluster someone else runs lets the suite do: read facts always; inject faults only through
/// a configured Toxiproxy; never touch broker processes or their network.
/// </summary>
public static class ExternalCapabilities
{
    public const string NoProcessAccess =
        "the external target cannot reach the brokers' processes or network (it only knows bootstrap servers and, optionally, a Toxiproxy)";

    public const string NoInjector =
        "no fault injector is configured for the external target (set KAFKA_RESILIENCE_TOXIPROXY to the Toxiproxy API in front of the brokers)";

    public static ClusterCapabilities Create(bool hasToxiproxy)
    {
        var missing = new Dictionary<Capability, string>
        {
            [Capability.HardKill] = NoProcessAccess,
            [Capability.CleanStop] = NoProcessAccess,
            [Capability.Pause] = NoProcessAccess,
            [Capability.IsolateFromBrokers] = NoProcessAccess,
            [Capability.ControllerFailover] =
                "the external target cannot tell the KRaft controller (DescribeCluster names a random broker in KRaft) nor kill it",
            [Capability.UncleanElectionLoss] =
                "the external target does not enable unclean.leader.election on its topics",
        };
        if (!hasToxiproxy)
        {
            missing[Capability.DestructiveFaults] = NoInjector;
            missing[Capability.IsolateFromClients] = NoInjector;
            missing[Capability.NetworkToxics] = NoInjector;
        }
        return new ClusterCapabilities(missing);
    }
}
