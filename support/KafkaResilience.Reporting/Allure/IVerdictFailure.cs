using KafkaResilience.Workloads.Checkers;

namespace KafkaResilience.Reporting.Allure;

/// <summary>
/// An exception that reports a failed expectation of the system under test (a product defect, "failed" in
/// Allure, never "broken"), with the <see cref="VerdictCategory"/> the report files it under.
/// </summary>
public interface IVerdictFailure
{
    VerdictCategory Category { get; }
}
