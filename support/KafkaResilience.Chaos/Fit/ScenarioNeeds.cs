namespace KafkaResilience.Chaos.Fit;

/// <summary>
/// What one scenario row asks of its target, read from its steps' bound values before anything runs (see
/// <see cref="ScenarioNeedsBuilder"/>): the topics and their partitions, each send and whether a group reads it while
/// it is sent, the records written first and read afterwards, the groups that read everything after the send, the
/// rates it states (floors and paces), and the faults that keep readers from a partition for a while. Every item
/// keeps the index of its step, so a decision can name it or skip just that step.
/// </summary>
public sealed record ScenarioNeeds
{
    /// <summary>Partitions per topic the scenario creates, by name.</summary>
    public IReadOnlyDictionary<string, int> Topics { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>How soon the cluster step says leadership moves off a lost broker; null when it does not say.</summary>
    public TimeSpan? DetectionDelay { get; init; }

    public IReadOnlyList<NeededSend> Sends { get; init; } = [];

    /// <summary>Records written before the scenario's action, read later by the scenario.</summary>
    public IReadOnlyList<NeededSend> Prefills { get; init; } = [];

    /// <summary>Groups that start after a send and must read everything acknowledged so far ("late readers").</summary>
    public IReadOnlyList<LateRead> LateReads { get; init; } = [];

    /// <summary>Rates the scenario states: throughput floors and send paces.</summary>
    public IReadOnlyList<StatedRate> Rates { get; init; } = [];

    /// <summary>Faults and other steps that keep a send's readers from (part of) what it writes for a while.</summary>
    public IReadOnlyList<ReaderGap> Gaps { get; init; } = [];

    /// <summary>True when two topic references ("q_1", "sweep-*") name at least one topic in common.</summary>
    public static bool SameTopics(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a == b
            || (a.EndsWith('*') && b.TrimEnd('*').StartsWith(a[..^1], StringComparison.Ordinal))
            || (b.EndsWith('*') && a.TrimEnd('*').StartsWith(b[..^1], StringComparison.Ordinal));
    }

    /// <summary>Partitions of what a topic reference names ("q_1", or "sweep-*" for every topic with that prefix); 0 when none is known.</summary>
    public int PartitionsOf(string topicReference)
    {
        ArgumentNullException.ThrowIfNull(topicReference);
        return topicReference.EndsWith('*')
            ? Topics.Where(t => t.Key.StartsWith(topicReference[..^1], StringComparison.Ordinal)).Sum(t => t.Value)
            : Topics.GetValueOrDefault(topicReference);
    }
}
