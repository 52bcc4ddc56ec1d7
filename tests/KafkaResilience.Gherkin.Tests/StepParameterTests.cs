using KafkaResilience.Gherkin.Results;
using KafkaResilience.Gherkin.Tests.Harness;

namespace KafkaResilience.Gherkin.Tests;

/// <summary>A step reports values about itself (a bound and what was measured); they reach its result and the console, passed or failed.</summary>
public sealed class StepParameterTests
{
    [Binding]
    public sealed class MeasuringSteps(ScenarioContext context)
    {
        [BeforeScenario]
        public void Before() => context.AddStepParameter("from a hook", "never allowed");

        [Then("the stall is at most {int} seconds")]
        public void Stall(int bound)
        {
            context.AddStepParameter("expected", $"at most {bound} s");
            context.AddStepParameter("measured", "2.47 s");
            if (bound < 3) throw new InvalidOperationException("stalled 2.47 s");
        }

        [Then("nothing is measured")]
        public void Nothing()
        {
        }
    }

    private const string Feature = """
        Feature: Measuring
          Scenario: a passed and a failed bound
            Then the stall is at most 10 seconds
            And nothing is measured
            And the stall is at most 2 seconds
        """;

    [Fact]
    public async Task Parameters_a_step_reports_belong_to_that_step_passed_or_failed_and_are_echoed_after_it()
    {
        var outcome = await RunnerHarness.RunAsync(Feature, typeof(NoHookSteps));

        var steps = outcome.Results.Should().ContainSingle().Subject.Steps;
        steps[0].Outcome.Should().Be(StepOutcome.Passed);
        steps[0].Parameters.Should().Equal(new StepParameter("expected", "at most 10 s"), new StepParameter("measured", "2.47 s"));
        steps[1].Parameters.Should().BeEmpty("a step that reports nothing shows nothing");
        steps[2].Outcome.Should().Be(StepOutcome.Failed);
        steps[2].Parameters.Should().Equal(new StepParameter("expected", "at most 2 s"), new StepParameter("measured", "2.47 s"));
        var echo = string.Join("\n", outcome.Output);
        echo.Should().Contain("-> done: NoHookSteps.Stall(10)").And.Contain("   expected: at most 10 s\n   measured: 2.47 s");
        echo.Should().Contain("-> error: stalled 2.47 s").And.Contain("   expected: at most 2 s\n   measured: 2.47 s");
    }

    [Fact]
    public async Task A_hook_cannot_report_a_step_parameter()
    {
        var outcome = await RunnerHarness.RunAsync(Feature, typeof(MeasuringSteps));

        var result = outcome.Results.Should().ContainSingle().Subject;
        result.Outcome.Should().Be(ScenarioOutcome.Failed);
        result.Error.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Contain("Only a step can report a parameter");
    }

    [Binding]
    public sealed class NoHookSteps(ScenarioContext context)
    {
        [Then("the stall is at most {int} seconds")]
        public void Stall(int bound)
        {
            context.AddStepParameter("expected", $"at most {bound} s");
            context.AddStepParameter("measured", "2.47 s");
            if (bound < 3) throw new InvalidOperationException("stalled 2.47 s");
        }

        [Then("nothing is measured")]
        public void Nothing()
        {
        }
    }
}
