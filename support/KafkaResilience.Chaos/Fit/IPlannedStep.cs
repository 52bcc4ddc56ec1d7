namespace KafkaResilience.Chaos.Fit;

/// <summary>
/// What one step of a row means to the judgement of whether a target can run the row (<see cref="ScenarioFit"/>), made
/// from the step's bound values before anything runs (a step definition names its planned step with
/// <see cref="PlannedAsAttribute"/>): it adds what it needs (a topic, a send, a floor, a gap in reading) to the row's needs.
/// </summary>
public interface IPlannedStep
{
    /// <summary>Adds this step's needs; <paramref name="step"/> is its index in the row, <paramref name="text"/> how it reads.</summary>
    void AddTo(ScenarioNeedsBuilder needs, int step, string text);

    /// <summary>
    /// What Kafka would refuse in this step's values (a topic name, an empty group id, a broker the cluster of
    /// <paramref name="brokers"/> does not have), each with Kafka's rule; empty when nothing is refused.
    /// </summary>
    IEnumerable<string> Refusals(IReadOnlyList<int> brokers) => [];

    /// <summary>The group and topic reference this step reads with, when it reads; null when it reads nothing.</summary>
    (string Group, string Topic)? Reads => null;
}
