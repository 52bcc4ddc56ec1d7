namespace KafkaResilience.Reporting.Allure;

/// <summary>An Allure label (feature, suite, tag, severity, host...): how the report groups and filters tests.</summary>
public sealed record AllureLabel(string Name, string Value);
