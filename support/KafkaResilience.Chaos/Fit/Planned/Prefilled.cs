using KafkaResilience.Chaos.Vocabulary;

namespace KafkaResilience.Chaos.Fit.Planned;

/// <summary>"N messages of S bytes have been written to "T"": records written first, read afterwards.</summary>
public sealed record Prefilled(MessageBatch Batch, string Topic) : IPlannedStep
{
    public void AddTo(ScenarioNeedsBuilder needs, int step, string text) => needs.Prefill(step, Topic, Batch.Count, Batch.Size);
}
