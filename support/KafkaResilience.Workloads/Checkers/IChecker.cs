using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>A pure judgement of a recorded history (Jepsen's checker role): no I/O, no clock, same history, same verdict.</summary>
public interface IChecker
{
    string Name { get; }

    Verdict Check(HistorySnapshot history);
}
