using KafkaResilience.Reporting.Allure;
using KafkaResilience.Workloads.Checkers;

namespace KafkaResilience.Reporting.Tests;

/// <summary>A failed expectation as the scenario's judge raises it: a category and a message (the chaos layer's exception stands in the suite).</summary>
public sealed class VerdictFailure(VerdictCategory category, string message) : Exception(message), IVerdictFailure
{
    public VerdictCategory Category { get; } = category;
}
