namespace KafkaResilience.Reporting.Allure;

/// <summary>A reference from a result or step to a file in the results folder (<c>source</c>) and its media type.</summary>
public sealed record AllureAttachment(string Name, string Source, string Type);
