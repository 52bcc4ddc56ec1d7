using KafkaResilience.Reqnroll.Results;
using KafkaResilience.Reqnroll.Running;
using KafkaResilience.Reqnroll.Tests.Harness;
using Reqnroll;

namespace KafkaResilience.Reqnroll.Tests;

/// <summary>A step reports values about itself (a bound and what was measured); they reach its result and the console, passed or failed.</summary>
public sealed class StepParameterTests
{
    [Binding]
    [Scope(Tag = "measuring")]
    public sealed class MeasuringSteps(RunningScenario running)
    {
        [Then("the stall is at most {int} seconds")]
        public void Stall(int bound)
        {
            running.AddStepParameter("expected", $"at most {bound} s");
            running.AddStepParameter("measured", "2.47 s");
            if (bound < 3) throw new InvalidOperationException("stalled 2.47 s");
        }

        [Then("nothing is measured")]
        public void Nothing()
        {
        }
    }

    [Binding]
    [Scope(Tag = "hook-reports")]
    public sealed class ReportingHook(RunningScenario running)
    {
        [BeforeScenario]
        public void Before() => running.AddStepParameter("from a hook", "never allowed");

        [Then("nothing is reported")]
        public void Nothing()
        {
        }
    }

    [Fact]
    public async Task Parameters_a_step_reports_belong_to_that_step_passed_or_failed_and_are_echoed_after_it()
    {
        const string feature = """
            @measuring
            Feature: Measuring
              Scenario: a passed and a failed bound
                Then the stall is at most 10 seconds
                And nothing is measured
                And the stall is at most 2 seconds
            """;

        var outcome = await HostHarness.RunAsync(feature);

        var steps = outcome.Single.Steps;
        steps[0].Outcome.Should().Be(StepOutcome.Passed);
        steps[0].Parameters.Should().Equal(new StepParameter("expected", "at most 10 s"), new StepParameter("measured", "2.47 s"));
        steps[1].Parameters.Should().BeEmpty("a step that reports nothing shows nothing");
        steps[2].Outcome.Should().Be(StepOutcome.Failed);
        steps[2].Parameters.Should().Equal(new StepParameter("expected", "at most 2 s"), new StepParameter("measured", "2.47 s"));
        var echo = string.Join("\n", outcome.Output);
        echo.Should().Contain("-> done: MeasuringSteps.Stall(10)").And.Contain("   expected: at most 10 s\n   measured: 2.47 s");
        echo.Should().Contain("-> error: stalled 2.47 s").And.Contain("   expected: at most 2 s\n   measured: 2.47 s");
    }

    [Fact]
    public async Task A_hook_cannot_report_a_step_parameter()
    {
        const string feature = """
            @hook-reports
            Feature: Measuring
              Scenario: a hook reports
                Then nothing is reported
            """;

        var outcome = await HostHarness.RunAsync(feature);

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Failed);
        outcome.Single.Error.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Contain("Only a step can report a parameter");
        outcome.Single.Hooks.Should().Contain(h => h.Kind == "BeforeScenario" && h.Outcome == StepOutcome.Failed);
    }
}
