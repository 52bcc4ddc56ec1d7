using KafkaResilience.Chaos.Vocabulary;

namespace KafkaResilience.Chaos.Fit.Planned;

/// <summary>"... send(s) N messages of S bytes to "T" at R messages per second" (or as fast as they can): a send and its pace.</summary>
public sealed record SendPlanned(ProducerSetup Producers, MessageBatch Batch, string Topic, SendPace Pace) : IPlannedStep
{
    /// <summary>One producer's send (a transactional producer's).</summary>
    public SendPlanned(MessageBatch batch, string topic, SendPace pace)
        : this(new ProducerSetup(1, 1), batch, topic, pace)
    {
    }

    /// <summary>A named producer's send (a transactional producer by name, or one taking over another's transactional.id).</summary>
    public SendPlanned(string producer, MessageBatch batch, string topic, SendPace pace)
        : this(batch, topic, pace)
    {
    }

    public void AddTo(ScenarioNeedsBuilder needs, int step, string text) =>
        needs.Send(step, Topic, Batch.Count, Batch.Size, Pace.IsUnthrottled ? null : Pace.RatePerSecond);
}
