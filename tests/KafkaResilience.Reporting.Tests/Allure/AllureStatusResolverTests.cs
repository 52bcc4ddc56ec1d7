using FluentAssertions;
using KafkaResilience.Reqnroll.Results;
using KafkaResilience.Reporting.Allure;
using Xunit;
using KafkaResilience.Workloads.Checkers;

namespace KafkaResilience.Reporting.Tests.Allure;

public sealed class AllureStatusResolverTests
{
    private sealed class DeliveryAssertException(string message) : Exception(message);

    private sealed class LossVerdictException(string message) : Exception(message);

    [Fact]
    public void An_xunit_assertion_makes_the_scenario_failed()
    {
        var error = Scenarios.Thrown(() => new Xunit.Sdk.XunitException("expected 0 lost"));

        var (status, details) = AllureStatusResolver.ForScenario(Scenarios.Failed(error));

        status.Should().Be("failed");
        details!.Message.Should().Be("expected 0 lost");
        details.Trace.Should().Contain(nameof(Scenarios.Thrown));
    }

    [Fact]
    public void A_FluentAssertions_failure_makes_the_scenario_failed()
    {
        var error = Scenarios.Thrown<Exception>(() =>
        {
            try
            {
                3.Should().Be(0, "no message may be lost");
                return new InvalidOperationException("unreachable");
            }
            catch (Exception e)
            {
                return e;
            }
        });

        AllureStatusResolver.ForError(error).Should().Be("failed");
    }

    [Fact]
    public void An_exception_type_named_like_an_assertion_or_a_verdict_is_failed()
    {
        AllureStatusResolver.ForError(new DeliveryAssertException("x")).Should().Be("failed");
        AllureStatusResolver.ForError(new LossVerdictException("x")).Should().Be("failed");
    }

    [Fact]
    public void A_verdict_failure_is_failed_and_shown_with_its_category_prefix()
    {
        var error = new VerdictFailure(VerdictCategory.ConsumerStalled, "the consumers never read partition 2 again");

        var (status, details) = AllureStatusResolver.ForScenario(Scenarios.Failed(error));

        status.Should().Be("failed");
        details!.Message.Should().Be("consumer stalled: the consumers never read partition 2 again");
    }

    [Theory]
    [InlineData("messages lost: 12 acknowledged records were never consumed")]
    [InlineData("lost: Invalid - 1000 acked, 3 lost; 0 unknown")]
    public void A_plain_exception_is_broken_whatever_its_message_says(string message)
    {
        AllureStatusResolver.ForError(new InvalidOperationException(message)).Should().Be("broken");
    }

    [Fact]
    public void Any_other_exception_is_broken()
    {
        var (status, details) = AllureStatusResolver.ForScenario(Scenarios.Failed(new TimeoutException("metadata did not arrive within 10 s")));

        status.Should().Be("broken");
        details!.Message.Should().Be("metadata did not arrive within 10 s");
    }

    [Fact]
    public void A_wrapped_assertion_is_still_failed()
    {
        var error = new AggregateException(new Xunit.Sdk.XunitException("inner"));

        AllureStatusResolver.ForError(error).Should().Be("failed");
    }

    [Fact]
    public void A_skipped_scenario_is_skipped_with_its_reason()
    {
        var (status, details) = AllureStatusResolver.ForScenario(Scenarios.Skipped("requires-real-kafka: the mock has no replica divergence"));

        status.Should().Be("skipped");
        details!.Message.Should().Be("requires-real-kafka: the mock has no replica divergence");
    }

    [Fact]
    public void A_passed_scenario_is_passed_without_details()
    {
        AllureStatusResolver.ForScenario(Scenarios.Passed()).Should().Be(("passed", (AllureStatusDetails?)null));
    }

    [Theory]
    [InlineData(StepOutcome.Undefined, "broken", ReportCategories.UndefinedStepPrefix)]
    [InlineData(StepOutcome.Ambiguous, "broken", ReportCategories.AmbiguousStepPrefix)]
    [InlineData(StepOutcome.Pending, "skipped", ReportCategories.PendingStepPrefix)]
    public void Steps_without_a_usable_binding_map_as_Allure_Reqnroll_maps_them(StepOutcome outcome, string expected, string prefix)
    {
        var step = Scenarios.Step("And ", "When", "the broker is frobnicated", outcome);

        var (status, details) = AllureStatusResolver.ForStep(step);

        status.Should().Be(expected);
        details!.Message.Should().StartWith(prefix).And.Contain("When the broker is frobnicated");
    }

    [Fact]
    public void A_failed_scenario_without_an_error_takes_the_status_of_its_undefined_step()
    {
        var result = Scenarios.Failed(new Exception("unused")) with
        {
            Error = null,
            Steps = [Scenarios.Step("Given ", "Given", "a cluster"), Scenarios.Step("When ", "When", "magic happens", StepOutcome.Undefined)],
        };

        var (status, details) = AllureStatusResolver.ForScenario(result);

        status.Should().Be("broken");
        details!.Message.Should().Be("undefined step: When magic happens");
    }

    [Fact]
    public void A_failed_hook_is_a_broken_fixture()
    {
        AllureStatusResolver.ForHook(Scenarios.Hook("HealAll", before: false, StepOutcome.Failed, new IOException("proxy gone"))).Status
            .Should().Be("broken");
    }
}
