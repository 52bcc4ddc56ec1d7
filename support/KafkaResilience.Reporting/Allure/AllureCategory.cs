namespace KafkaResilience.Reporting.Allure;

/// <summary>
/// One entry of <c>categories.json</c>: results whose status is in <see cref="MatchedStatuses"/> and whose whole
/// message matches <see cref="MessageRegex"/> (Java <c>Matcher.matches</c>) are grouped under <see cref="Name"/>.
/// </summary>
public sealed record AllureCategory(string Name, IReadOnlyList<string> MatchedStatuses, string? MessageRegex, string? Description);
