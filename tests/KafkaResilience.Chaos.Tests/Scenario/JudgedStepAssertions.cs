using FluentAssertions;
using KafkaResilience.Chaos.Scenario;
using KafkaResilience.Reporting.Allure;
using KafkaResilience.Reporting;
using KafkaResilience.Workloads.Checkers;

namespace KafkaResilience.Chaos.Tests.Scenario;

/// <summary>The assertion every judged-step test ends with: the recorded verdict and the step's outcome agree.</summary>
internal static class JudgedStepAssertions
{
    public static void ShouldHavePassed(this (StepVerdict Verdict, ScenarioVerdictException? Failure) outcome, string step)
    {
        outcome.Failure.Should().BeNull(outcome.Verdict.ToString());
        outcome.Verdict.Validity.Should().Be(Validity.Valid);
        outcome.Verdict.FailedAs.Should().BeNull();
        outcome.Verdict.Step.Should().Be(step);
    }

    public static void ShouldHaveFailedAs(this (StepVerdict Verdict, ScenarioVerdictException? Failure) outcome, VerdictCategory category, Validity validity = Validity.Invalid)
    {
        outcome.Failure.Should().NotBeNull(outcome.Verdict.ToString());
        outcome.Verdict.Validity.Should().Be(validity);
        outcome.Failure!.Verdict.Should().BeSameAs(outcome.Verdict);
        outcome.Failure.Category.Should().Be(category);
        outcome.Verdict.FailedAs.Should().Be(category);
        outcome.Failure.Message.Should().StartWith(ReportCategories.PrefixOf(category) + " ")
            .And.Contain(outcome.Verdict.Measured).And.Contain(outcome.Verdict.Expected);
    }
}
