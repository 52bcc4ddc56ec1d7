namespace KafkaResilience.Cluster;

/// <summary>What a cluster said about a topic when asked for its metadata.</summary>
public enum TopicState
{
    /// <summary>No broker answered at the bootstrap servers.</summary>
    NoAnswer,

    /// <summary>A broker answered: the topic does not exist.</summary>
    Missing,

    /// <summary>The topic exists but cannot be written yet: no partitions, a partition without a leader, or another error.</summary>
    NotReady,

    /// <summary>Every partition has a leader.</summary>
    Ready,
}
