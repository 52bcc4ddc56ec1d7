using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Consuming;

/// <summary>
/// One consumer's cache of the ledger's topic numbers: a single-topic subscription has one number; a
/// pattern subscription ("^sweep-.*") looks each record's topic name up once and keeps it.
/// </summary>
internal sealed class TopicIndexes
{
    private readonly HistoryLedger _ledger;
    private readonly int _subscribed;
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);

    public TopicIndexes(HistoryLedger ledger, string subscription)
    {
        _ledger = ledger;
        IsPattern = subscription.StartsWith('^');
        _subscribed = IsPattern ? -1 : ledger.TopicIndex(subscription);
    }

    /// <summary>True for a pattern subscription: records must carry their topic name.</summary>
    public bool IsPattern { get; }

    /// <summary>The ledger's number of <paramref name="topic"/> (the record's topic name; null when the result carries none).</summary>
    public int Of(string? topic)
    {
        if (!IsPattern) return _subscribed;
        if (topic is null)
            throw new InvalidOperationException("A pattern subscription needs each record's topic name, but the consume result carries none (ConsumeResultFields must include \"topic\").");
        if (!_byName.TryGetValue(topic, out var index))
            _byName[topic] = index = _ledger.TopicIndex(topic);
        return index;
    }
}
