namespace KafkaResilience.Reporting.Allure;

/// <summary>One Allure step: a Gherkin step with its status, timing and attachments (DataTable, DocString, charts).</summary>
public sealed record AllureStepResult(
    string Name,
    string Status,
    AllureStatusDetails? StatusDetails,
    string Stage,
    long Start,
    long Stop,
    IReadOnlyList<AllureStepResult> Steps,
    IReadOnlyList<AllureAttachment> Attachments,
    IReadOnlyList<AllureParameter> Parameters);
