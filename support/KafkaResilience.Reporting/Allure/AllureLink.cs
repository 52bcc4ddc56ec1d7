namespace KafkaResilience.Reporting.Allure;

/// <summary>An Allure link shown on a test page; <c>type</c> is "issue", "tms" or "link".</summary>
public sealed record AllureLink(string Name, string Url, string Type);
