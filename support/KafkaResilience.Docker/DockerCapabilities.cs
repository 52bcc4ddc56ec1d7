using KafkaResilience.Cluster;

namespace KafkaResilience.Docker;

/// <summary>
/// What the docker target can model: real Apache Kafka, so everything but what no step can switch on yet.
/// </summary>
public static class DockerCapabilities
{
    public static ClusterCapabilities Create() => new(new Dictionary<Capability, string>
    {
        [Capability.UncleanElectionLoss] =
            "the docker target creates topics with unclean.leader.election.enable=false (Kafka's default), so an unclean election cannot lose acknowledged data there",
    });
}
