using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// Reads capability tags: <c>@requires-hard-kill</c>, <c>@requires-acks-semantics</c>... name a
/// <see cref="Capability"/> in kebab case; <c>@requires-real-kafka</c> means everything a real Kafka
/// has and a model may lack (replication, acks, unclean-election loss, idempotent dedup, unbounded
/// retention, read_committed fetches, transactional offset commits, producer fencing). A scenario carrying one is skipped, with the target's reason, where the target lacks it.
/// </summary>
public static class CapabilityTags
{
    public const string Prefix = "requires-";

    /// <summary>What <c>@requires-real-kafka</c> stands for.</summary>
    public static readonly IReadOnlyList<Capability> RealKafka =
    [
        Capability.Replication, Capability.AcksSemantics, Capability.UncleanElectionLoss,
        Capability.IdempotentDedup, Capability.UnboundedRetention,
        Capability.ReadCommitted, Capability.TransactionalOffsetCommit, Capability.ProducerFencing,
    ];

    /// <summary>The capabilities the tags require; throws on a <c>requires-</c> tag that names none, listing the valid ones.</summary>
    public static IReadOnlyList<Capability> Required(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var required = new List<Capability>();
        foreach (var raw in tags)
        {
            var tag = raw.TrimStart('@');
            if (!tag.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) continue;
            var name = tag[Prefix.Length..];
            if (name.Equals("real-kafka", StringComparison.OrdinalIgnoreCase))
            {
                required.AddRange(RealKafka);
                continue;
            }
            if (!Enum.TryParse<Capability>(name.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var capability)
                || int.TryParse(name, out _))
            {
                var valid = Enum.GetValues<Capability>().Select(c => "@" + Prefix + Kebab(c)).Append("@requires-real-kafka");
                throw new ArgumentException($"Tag @{tag} names no capability; valid tags: {string.Join(", ", valid)}.");
            }
            required.Add(capability);
        }
        return [.. required.Distinct()];
    }

    /// <summary>The first reason the cluster cannot serve the tags, or null when it can.</summary>
    public static string? WhyNot(IKafkaCluster cluster, IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        foreach (var capability in Required(tags))
        {
            if (cluster.Capabilities.WhyNot(capability) is { } reason)
                return $"@{Prefix}{Kebab(capability)}: {reason}";
        }
        return null;
    }

    /// <summary>HardKill -> hard-kill.</summary>
    public static string Kebab(Capability capability) =>
        string.Concat(capability.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
