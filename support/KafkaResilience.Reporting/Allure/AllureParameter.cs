namespace KafkaResilience.Reporting.Allure;

/// <summary>An Allure parameter: one Scenario Outline column and its value in this row, or a value a step reported (a bound, a measured value).</summary>
public sealed record AllureParameter(string Name, string Value);
