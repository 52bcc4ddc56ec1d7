namespace KafkaResilience.Docker.Contracts;

/// <summary>
/// Where an image's contract is written: a public repository, the revision that was read (tag or commit), the
/// file, and the words or code in it that state the rule. Every <see cref="ContractRule"/> cites one, so a
/// failing check says what to read before changing the definition or docker-compose.yml.
/// </summary>
public sealed record ContractSource(string Repository, string Revision, string Path, string Says)
{
    /// <summary>"apache/kafka@1eb7644 docker/resources/common-scripts/configure: ensure CLUSTER_ID".</summary>
    public override string ToString() => $"{Repository}@{Revision} {Path}: {Says}";
}
