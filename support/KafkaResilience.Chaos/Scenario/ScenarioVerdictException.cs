namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// A scenario's expectation did not hold (messages lost, throughput under the floor, a leader that did
/// not move...). The message starts with the report's verdict prefix ("messages lost: ...") so the
/// report files it as a product defect in the right category, never as a suite defect.
/// </summary>
public sealed class ScenarioVerdictException : Exception
{
    public ScenarioVerdictException(string message)
        : base(message)
    {
    }

    public ScenarioVerdictException()
        : base("the scenario's expectation did not hold")
    {
    }

    public ScenarioVerdictException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
