namespace KafkaResilience.Cluster;

/// <summary>
/// The names and ids Kafka refuses, with Kafka's own rule in the answer, so the suite refuses them first, on every target
/// (the embedded mock takes names a real broker rejects, and a scenario would fail later there with the broker's error).
/// </summary>
public static class KafkaNames
{
    /// <summary>The longest topic name Kafka takes (its file names add a partition suffix to it).</summary>
    public const int MaxTopicNameLength = 249;

    /// <summary>Why Kafka refuses <paramref name="name"/> as a topic name, or null when it takes it.</summary>
    public static string? TopicNameProblem(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "a topic name must not be empty";
        if (name is "." or "..") return $"the topic name \"{name}\" is refused by Kafka: a topic cannot be named \".\" or \"..\"";
        if (name.Length > MaxTopicNameLength)
            return $"the topic name \"{name[..20]}...\" is refused by Kafka: it has {name.Length} characters, at most {MaxTopicNameLength} are allowed";
        var bad = name.FirstOrDefault(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'));
        return bad == default
            ? null
            : $"the topic name \"{name}\" is refused by Kafka: it holds '{(char.IsWhiteSpace(bad) ? "a space" : bad.ToString())}'; a topic name takes only ASCII letters, digits, '.', '_' and '-'";
    }

    /// <summary>Why Kafka refuses <paramref name="group"/> as a consumer group id, or null when it takes it.</summary>
    public static string? GroupIdProblem(string? group) =>
        string.IsNullOrWhiteSpace(group) ? "a consumer group id must not be empty (Kafka refuses an empty group id)" : null;

    /// <summary>
    /// Why Kafka would refuse <paramref name="brokerIds"/> as the broker ids of one cluster, or null when it takes them: the
    /// one rule every target's builder (and a scenario, before any target is asked) checks. The answer completes a sentence
    /// whose subject is the list, e.g. "BrokerIds must be distinct: broker 105 is named more than once (got 105, 105, 108)".
    /// A target's own limits (how many brokers it runs, Kafka 2.2's highest id) stay with that target.
    /// </summary>
    public static string? BrokerIdsProblem(IReadOnlyList<int> brokerIds)
    {
        ArgumentNullException.ThrowIfNull(brokerIds);
        var got = brokerIds.Count == 0 ? "none" : string.Join(", ", brokerIds);
        if (brokerIds.Count == 0) return $"must name at least one broker (got {got})";
        var negative = brokerIds.Where(id => id < 0).Distinct().ToArray();
        if (negative.Length > 0)
            return $"must be whole numbers >= 0, as Kafka's broker ids (node.id, broker.id) are: {Brokers(negative)} cannot exist (got {got})";
        var repeated = brokerIds.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        return repeated.Length > 0
            ? $"must be distinct: {Brokers(repeated)} {(repeated.Length == 1 ? "is" : "are")} named more than once (got {got})"
            : null;
    }

    /// <summary>Why <paramref name="brokerId"/> cannot name a broker of a cluster of <paramref name="brokers"/>, or null when it names one.</summary>
    public static string? BrokerIdProblem(int brokerId, IReadOnlyCollection<int> brokers)
    {
        ArgumentNullException.ThrowIfNull(brokers);
        if (brokerId < 0) return $"broker {brokerId} cannot exist: Kafka's broker ids (node.id, broker.id) are whole numbers >= 0";
        return brokers.Count > 0 && !brokers.Contains(brokerId)
            ? $"broker {brokerId} is not a broker of this cluster (its brokers: {string.Join(", ", brokers)})"
            : null;
    }

    private static string Brokers(IReadOnlyList<int> ids) =>
        (ids.Count == 1 ? "broker " : "brokers ") + string.Join(", ", ids);
}
