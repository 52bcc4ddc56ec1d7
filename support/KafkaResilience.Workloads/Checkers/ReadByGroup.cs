using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>Group <paramref name="Group"/> read (was started): a check of what it read is not judged when it never did.</summary>
public sealed record ReadByGroup(string Group) : IEvidenceNeed
{
    public string? MissingIn(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Readers.Any(r => r.Group == Group)) return null;
        var withheld = history.WithheldReads.FirstOrDefault(w => w.Group == Group);
        return withheld is not null
            ? $"group \"{Group}\" never read: the step \"{withheld.Step}\" that would have started it {withheld.Reason}"
            : $"group \"{Group}\" never read: no step of the scenario starts it";
    }
}
