namespace KafkaResilience.Reporting.Allure;

/// <summary>What a scenario's tags say to Allure: labels (tag, severity, owner, epic...) and links (issue, tms, link).</summary>
public sealed record GherkinTagMapping(IReadOnlyList<AllureLabel> Labels, IReadOnlyList<AllureLink> Links);
