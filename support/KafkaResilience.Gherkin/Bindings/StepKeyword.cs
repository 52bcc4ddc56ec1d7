namespace KafkaResilience.Gherkin;

/// <summary>The meaning of a step keyword once And/But took the meaning of the step before.</summary>
public enum StepKeyword
{
    Given,
    When,
    Then,
}
