using KafkaResilience.Chaos.Vocabulary;

namespace KafkaResilience.Chaos.Fit.Planned;

/// <summary>"... send(s) N messages of S bytes to "T" at R messages per second" (or as fast as they can): a send and its pace.</summary>
public sealed record SendPlanned(ProducerSetup Producers, MessageBatch Batch, string Topic, SendPace Pace) : IPlannedStep
{
    public void AddTo(ScenarioNeedsBuilder needs, int step, string text) =>
        needs.Send(step, Topic, Batch.Count, Batch.Size, Pace.IsUnthrottled ? null : Pace.RatePerSecond);
}
