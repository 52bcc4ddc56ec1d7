using KafkaResilience.Chaos.Fit;
using KafkaResilience.Chaos.Fit.Planned;
using KafkaResilience.Chaos.Vocabulary;
using Reqnroll;

namespace KafkaResilience.Features;

/// <summary>
/// A send worded another way, bound only in rows tagged @reworded (the plan tests' own): what a target is asked to judge
/// comes from the values a step binds to, so this wording plans the same send as the vocabulary's. Only planned, never run.
/// </summary>
[Binding]
[Scope(Tag = "reworded")]
public sealed class RewordedSteps
{
    [When("{batch} go to {string} {pace}, sent by {producers}")]
    [PlannedAs(typeof(SendPlanned))]
    public void Push(MessageBatch batch, string topic, SendPace pace, ProducerSetup producers) =>
        throw new InvalidOperationException($"only planned in the plan tests, never run ({batch}, {topic}, {pace}, {producers})");
}
