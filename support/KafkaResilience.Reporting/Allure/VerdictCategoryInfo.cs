using KafkaResilience.Workloads.Checkers;

namespace KafkaResilience.Reporting.Allure;

/// <summary>
/// How a <see cref="VerdictCategory"/> reads in the report: its Allure category title, the prefix every
/// failure message of that category starts with ("messages lost:"), and what it means.
/// </summary>
public sealed record VerdictCategoryInfo(VerdictCategory Category, string Title, string Prefix, string Description);
