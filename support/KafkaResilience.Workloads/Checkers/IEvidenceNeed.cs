using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// Evidence a checker needs the history to hold before it can judge it (a read of what was sent, a group's reads), and,
/// when the history does not hold it, why: the step that would have gathered it and what kept it from doing so.
/// </summary>
public interface IEvidenceNeed
{
    /// <summary>Why <paramref name="history"/> lacks this evidence, or null when it holds it.</summary>
    string? MissingIn(HistorySnapshot history);
}
