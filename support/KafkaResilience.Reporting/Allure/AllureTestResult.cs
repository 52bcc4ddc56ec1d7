namespace KafkaResilience.Reporting.Allure;

/// <summary>
/// An Allure <c>{uuid}-result.json</c>: one scenario or outline row. <see cref="HistoryId"/> stays the same
/// from run to run so the report can show trends; <see cref="TestCaseId"/> names the scenario without its row.
/// </summary>
public sealed record AllureTestResult(
    string Uuid,
    string HistoryId,
    string TestCaseId,
    string FullName,
    string Name,
    string? Description,
    string Status,
    AllureStatusDetails? StatusDetails,
    string Stage,
    long Start,
    long Stop,
    IReadOnlyList<AllureLabel> Labels,
    IReadOnlyList<AllureLink> Links,
    IReadOnlyList<AllureParameter> Parameters,
    IReadOnlyList<AllureStepResult> Steps,
    IReadOnlyList<AllureAttachment> Attachments);
