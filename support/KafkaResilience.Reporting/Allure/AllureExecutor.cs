namespace KafkaResilience.Reporting.Allure;

/// <summary>The content of <c>executor.json</c>: who ran the suite (CI system or a local machine) and which build.</summary>
public sealed record AllureExecutor(
    string Name,
    string Type,
    string? Url,
    long? BuildOrder,
    string BuildName,
    string? BuildUrl,
    string ReportName,
    string? ReportUrl);
