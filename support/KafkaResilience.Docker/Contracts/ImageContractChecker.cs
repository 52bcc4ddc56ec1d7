namespace KafkaResilience.Docker.Contracts;

/// <summary>
/// Checks a whole cluster (the docker target's definition or a docker-compose.yml profile) against the documented
/// contracts of every image it runs and against the wiring rules between them. Pure: an empty list of violations
/// means every environment variable, port, listener, command and readiness check agrees with what the images'
/// own files say.
/// </summary>
public static class ImageContractChecker
{
    /// <summary>Every rule of every contract.</summary>
    public static IReadOnlyList<ContractRule> Rules =>
    [
        .. KraftImageContract.Rules, .. ConfluentKafkaImageContract.Rules, .. ZooKeeperImageContract.Rules,
        .. ToxiproxyImageContract.Rules, .. ClusterWiringContract.Rules,
    ];

    public static ContractFindings Check(ClusterUnderContract cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var findings = new ContractFindings();
        KraftImageContract.Check(cluster, findings);
        ConfluentKafkaImageContract.Check(cluster, findings);
        ZooKeeperImageContract.Check(cluster, findings);
        ToxiproxyImageContract.Check(cluster, findings);
        ClusterWiringContract.Check(cluster, findings);
        return findings;
    }
}
