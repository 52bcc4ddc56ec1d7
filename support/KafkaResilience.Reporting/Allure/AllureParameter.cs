namespace KafkaResilience.Reporting.Allure;

/// <summary>An Allure parameter: one Scenario Outline column and its value in this row.</summary>
public sealed record AllureParameter(string Name, string Value);
