namespace KafkaResilience.Reporting.Allure;

/// <summary>One hook run before or after a scenario, as an Allure fixture inside a container.</summary>
public sealed record AllureFixtureResult(
    string Name,
    string Status,
    AllureStatusDetails? StatusDetails,
    string Stage,
    long Start,
    long Stop,
    IReadOnlyList<AllureStepResult> Steps,
    IReadOnlyList<AllureAttachment> Attachments,
    IReadOnlyList<AllureParameter> Parameters);
