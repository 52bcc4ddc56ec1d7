using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Consuming;

/// <summary>
/// One consumer's cache of the ledger's topic numbers: a single-topic subscription has one number; a
/// pattern subscription ("^sweep-.*") looks each record's topic name up once and keeps it.
/// </summary>
internal sealed class TopicIndexes
{
    private readonly HistoryLedger _ledger;
    private readonly int? _subscribed; // null for a pattern subscription
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);

    public TopicIndexes(HistoryLedger ledger, ConsumerWorkloadOptions options)
    {
        _ledger = ledger;
        _subscribed = options.SubscribesToPattern ? null : ledger.TopicIndex(options.Topic);
    }

    /// <summary>The ledger's number of <paramref name="topic"/> (the record's topic name; null when the result carries none).</summary>
    public int Of(string? topic)
    {
        if (_subscribed is { } index) return index;
        if (topic is null)
            throw new InvalidOperationException("A pattern subscription needs each record's topic name, but the consume result carries none (ConsumeResultFields must include \"topic\").");
        if (!_byName.TryGetValue(topic, out index))
            _byName[topic] = index = _ledger.TopicIndex(topic);
        return index;
    }
}
