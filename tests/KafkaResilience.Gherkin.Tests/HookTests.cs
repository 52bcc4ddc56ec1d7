using KafkaResilience.Gherkin.Results;
using KafkaResilience.Gherkin.Tests.Harness;

namespace KafkaResilience.Gherkin.Tests;

public sealed class HookTests
{
    [Binding]
    public sealed class HookedSteps(ScenarioContext context)
    {
        [BeforeTestRun]
        public static void StartRun(TestRunContext run) => RunnerHarness.Append(run, "log", "BeforeTestRun");

        [AfterTestRun]
        public static void EndRun(TestRunContext run) => RunnerHarness.Append(run, "log", "AfterTestRun");

        [BeforeFeature]
        public static void StartFeature(FeatureContext feature, TestRunContext run) => RunnerHarness.Append(run, "log", "BeforeFeature:" + feature.Title);

        [AfterFeature]
        public static void EndFeature(FeatureContext feature, TestRunContext run) => RunnerHarness.Append(run, "log", "AfterFeature:" + feature.Title);

        [BeforeFeature("tagged-feature")]
        public static void StartTaggedFeature(TestRunContext run) => RunnerHarness.Append(run, "log", "BeforeTaggedFeature");

        [BeforeScenario(Order = 20000)]
        public void Late() => context.Output("hook: late before");

        [BeforeScenario]
        public void Default() => context.Output("hook: default before");

        [BeforeScenario(Order = 1)]
        public void Early() => context.Output("hook: early before");

        [BeforeScenario("@slow", "fast")]
        public void Scoped() => context.Output("hook: scoped before");

        [BeforeStep]
        public void BeforeStep() => context.Output("hook: before step " + context.CurrentStep);

        [AfterStep]
        public void AfterStep() => context.Output("hook: after step " + context.CurrentStep);

        [AfterScenario(Order = 1)]
        public void AfterEarly() => context.Output($"hook: after early (error: {context.Error?.Message ?? "none"})");

        [AfterScenario]
        public static void AfterStatic(ScenarioContext scenario) => scenario.Output("hook: after static");

        [When("it works")]
        public void Works() => context.Output("step: works");

        [When("it breaks")]
        public void Breaks() => throw new InvalidOperationException("boom");
    }

    [Fact]
    public async Task Scenario_hooks_run_by_order_and_step_hooks_wrap_each_step()
    {
        const string feature = """
            Feature: Hooks
              Scenario: plain
                When it works
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(HookedSteps));

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Passed, outcome.Single.Error?.Message);
        outcome.Output.Where(l => l.StartsWith("hook:", StringComparison.Ordinal) || l.StartsWith("step:", StringComparison.Ordinal)).Should().Equal(
            "hook: early before", "hook: default before", "hook: late before",
            "hook: before step When it works", "step: works", "hook: after step When it works",
            "hook: after early (error: none)", "hook: after static");
        outcome.Single.Hooks.Select(h => h.Kind).Should().Equal(
            "BeforeScenario", "BeforeScenario", "BeforeScenario", "BeforeStep", "AfterStep", "AfterScenario", "AfterScenario");
        outcome.Single.Hooks.Should().OnlyContain(h => h.Outcome == StepOutcome.Passed);
    }

    [Fact]
    public async Task Tag_scoped_hooks_run_only_where_a_tag_matches()
    {
        const string feature = """
            @tagged-feature
            Feature: Hooks
              @fast
              Scenario: tagged
                When it works

              Scenario: untagged
                When it works
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(HookedSteps));

        outcome.Results.Should().OnlyContain(r => r.Outcome == ScenarioOutcome.Passed);
        outcome.Output.Count(l => l == "hook: scoped before").Should().Be(1);
        outcome.Results[0].Hooks.Should().Contain(h => h.Method == "HookedSteps.Scoped");
        outcome.Results[1].Hooks.Should().NotContain(h => h.Method == "HookedSteps.Scoped");
    }

    [Fact]
    public async Task Run_and_feature_hooks_wrap_the_scenarios_once_per_run_and_per_feature()
    {
        using var workspace = new FeatureWorkspace();
        workspace.Write("a.feature", """
            @tagged-feature
            Feature: First
              Scenario: one
                When it works
              Scenario: two
                When it works
            """);
        workspace.Write("b.feature", """
            Feature: Second
              Scenario: three
                When it works
            """);

        var outcome = await RunnerHarness.RunAsync(workspace.Root, new RunProfile(RunProfile.Smoke), [], typeof(HookedSteps));

        outcome.Log("log").Split('|').Should().Equal(
            "BeforeTestRun", "BeforeFeature:First", "BeforeTaggedFeature", "AfterFeature:First", "BeforeFeature:Second", "AfterFeature:Second", "AfterTestRun");
    }

    [Fact]
    public async Task After_hooks_run_and_see_the_error_when_a_step_failed()
    {
        const string feature = """
            Feature: Hooks
              Scenario: failing
                When it breaks
                And it works
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(HookedSteps));

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Failed);
        outcome.Output.Should().Contain("hook: after early (error: boom)").And.Contain("hook: after static");
        outcome.Output.Should().NotContain("step: works");
        outcome.Single.Steps.Select(s => s.Outcome).Should().Equal(StepOutcome.Failed, StepOutcome.Skipped);
        ScenarioFailureMessage.For(outcome.Single).Should().Contain("Step \"When it breaks\" (test.feature:3) failed").And.Contain("boom");
    }

    [Binding]
    public sealed class FailingBeforeHook(ScenarioContext context)
    {
        [BeforeScenario]
        public void Fails() => throw new InvalidOperationException("cannot start the cluster");

        [AfterScenario]
        public void Heals() => context.Output("hook: healed");

        [Given("a step")]
        public void Step() => context.Output("step: ran");
    }

    [Fact]
    public async Task A_failing_before_hook_skips_the_steps_and_still_runs_the_after_hooks()
    {
        const string feature = """
            Feature: Hooks
              Scenario: hook fails
                Given a step
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(FailingBeforeHook));

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Failed);
        outcome.Single.Error!.Message.Should().Be("cannot start the cluster");
        outcome.Single.Steps.Should().ContainSingle().Which.Outcome.Should().Be(StepOutcome.Skipped);
        outcome.Output.Should().Contain("hook: healed").And.NotContain("step: ran");
        outcome.Single.Hooks.Select(h => (h.Kind, h.Outcome)).Should().Equal(("BeforeScenario", StepOutcome.Failed), ("AfterScenario", StepOutcome.Passed));
    }

    [Binding]
    public sealed class InstanceRunHook
    {
        [BeforeTestRun]
        public void NotStatic()
        {
        }
    }

    [Fact]
    public void A_test_run_hook_that_is_not_static_is_a_binding_error()
    {
        var registry = BindingRegistry.FromTypes([typeof(InstanceRunHook)]);

        registry.Errors.Should().ContainSingle().Which.Should().Contain("InstanceRunHook.NotStatic must be static");
    }
}
