using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>A pure judgement of a recorded history (Jepsen's checker role): no I/O, no clock, same history, same verdict.</summary>
public interface IChecker
{
    string Name { get; }

    /// <summary>What the history must hold for this checker to judge it; when a need is missing the verdict is NotJudged (see <see cref="CheckerRun"/>).</summary>
    IReadOnlyList<IEvidenceNeed> Needs => [];

    Verdict Check(HistorySnapshot history);
}
