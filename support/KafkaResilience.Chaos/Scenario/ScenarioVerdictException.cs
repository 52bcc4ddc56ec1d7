using KafkaResilience.Reporting.Allure;
using KafkaResilience.Reporting;
using KafkaResilience.Workloads.Checkers;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// A scenario's expectation did not hold (messages lost, throughput under the floor, a leader that did not
/// move...): a product defect, never a suite defect. Thrown only by the judge, after it recorded the step's
/// <see cref="Verdict"/>; carries the <see cref="VerdictCategory"/> the report files it under, and its message
/// starts with that category's prefix ("messages lost: ...").
/// </summary>
public sealed class ScenarioVerdictException : Exception, IVerdictFailure
{
    public ScenarioVerdictException(VerdictCategory category, string message, StepVerdict? verdict = null)
        : base(ReportCategories.Prefixed(category, message))
    {
        Category = category;
        Verdict = verdict;
    }

    public ScenarioVerdictException()
        : this(VerdictCategory.VerdictUnknown, "the scenario's expectation did not hold")
    {
    }

    public ScenarioVerdictException(string message)
        : this(VerdictCategory.VerdictUnknown, message)
    {
    }

    public ScenarioVerdictException(string message, Exception inner)
        : base(ReportCategories.Prefixed(VerdictCategory.VerdictUnknown, message), inner)
    {
        Category = VerdictCategory.VerdictUnknown;
    }

    public VerdictCategory Category { get; }

    /// <summary>The recorded verdict of the step that failed.</summary>
    public StepVerdict? Verdict { get; }
}
