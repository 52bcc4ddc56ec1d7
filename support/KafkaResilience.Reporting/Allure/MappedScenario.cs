namespace KafkaResilience.Reporting.Allure;

/// <summary>Everything one scenario becomes in Allure: its result, the container of its hooks (if any) and the attachment files.</summary>
public sealed record MappedScenario(AllureTestResult Result, AllureTestResultContainer? Container, IReadOnlyList<AllureFile> Files);
