using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// Some group read every topic that acknowledged messages went to: without a reader, an acknowledged message never read
/// proves nothing about Kafka (a check of loss, duplicates or order is not judged, never "lost"). A topic a group read
/// by a "prefix*" reference counts as read; a stream without a topic name counts as read when any group read.
/// </summary>
public sealed record ReadsOfAckedTopics : IEvidenceNeed
{
    public string? MissingIn(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var topics = history.Producers.Where(p => p.Ok > 0).Select(p => history.TopicOf(p.Id)).Distinct().ToList();
        var unread = topics.Where(t => !history.Readers.Any(r => t is null || Covers(r.TopicReference, t))).ToList();
        if (unread.Count == 0) return null;
        var withheld = history.WithheldReads.Where(w => unread.Any(t => t is null || Covers(w.TopicReference, t))).ToList();
        var names = string.Join(", ", unread.Select(t => t is null ? "what was sent" : $"\"{t}\""));
        return withheld.Count > 0
            ? $"no consumer read {names}: " + string.Join("; ", withheld.Select(w => $"the step \"{w.Step}\", which would have read it with group \"{w.Group}\", {w.Reason}"))
            : $"no consumer read {names}: no step of the scenario reads it";
    }

    /// <summary>True when a topic reference ("q_1", or "sweep-*" for every topic with that prefix) names <paramref name="topic"/>.</summary>
    public static bool Covers(string reference, string topic) =>
        reference.EndsWith('*') ? topic.StartsWith(reference[..^1], StringComparison.Ordinal) : reference == topic;
}
