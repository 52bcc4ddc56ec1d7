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

    /// <summary>Why <paramref name="brokerId"/> cannot name a broker of a cluster of <paramref name="brokers"/>, or null when it names one.</summary>
    public static string? BrokerIdProblem(int brokerId, IReadOnlyCollection<int> brokers)
    {
        ArgumentNullException.ThrowIfNull(brokers);
        if (brokerId < 0) return $"broker {brokerId} cannot exist: Kafka's broker ids (node.id, broker.id) are whole numbers >= 0";
        return brokers.Count > 0 && !brokers.Contains(brokerId)
            ? $"broker {brokerId} is not a broker of this cluster (its brokers: {string.Join(", ", brokers)})"
            : null;
    }
}
