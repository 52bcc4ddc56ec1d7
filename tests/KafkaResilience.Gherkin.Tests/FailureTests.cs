using KafkaResilience.Gherkin.Results;
using KafkaResilience.Gherkin.Tests.Harness;

namespace KafkaResilience.Gherkin.Tests;

public sealed class FailureTests
{
    [Binding]
    public sealed class Steps(ScenarioContext context)
    {
        [Given("a cluster")]
        public void Cluster() => context.Output("step: cluster");

        [Given("broker {int} is down")]
        public void First(int broker) => _ = broker;

        [Given("broker {word} is down")]
        public void Second(string broker) => _ = broker;

        [When("it is not written yet")]
        public void NotYet() => context.Pending();

        [When("Docker is needed")]
        public void NeedsDocker() => context.Skip("needs Docker; no Docker engine is reachable");

        [When("the step after next cannot be judged here")]
        public void SkipStepAfterNext() => context.SkipLaterStep(context.StepResults.Count + 2, "needs 10 GB kept; this cluster keeps 5 MB");

        [When("the step before cannot be judged here")]
        public void SkipStepBefore() => context.SkipLaterStep(context.StepResults.Count - 1, "too late");

        [Then("it is counted")]
        public void Counted() => context.Output("step: counted");

        [When("it waits for cancellation")]
        public async Task Waits() => await Task.Delay(Timeout.Infinite, context.CancellationToken);

        [When("the cluster refuses twice")]
        public Task RefusesTwice() => Task.WhenAll(
            Task.FromException(new InvalidOperationException("broker 106 refused the connection")),
            Task.FromException(new InvalidOperationException("broker 108 refused the connection"))).ContinueWith(t => t.Wait(), TaskScheduler.Default);

        [When("the cluster refuses once")]
        public void RefusesOnce() => Task.Run(() => throw new InvalidOperationException("broker 106 refused the connection")).Wait();

        [AfterScenario]
        public void After() => context.Output($"after hook (token cancelled: {context.CancellationToken.IsCancellationRequested})");
    }

    [Fact]
    public async Task An_undefined_step_fails_with_a_pasteable_step_definition()
    {
        const string feature = """
            Feature: Failures
              Scenario: undefined
                Given a cluster
                When broker 106 is killed with "SIGKILL" after 1.5 seconds
                Then nothing is lost
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(Steps));

        var result = outcome.Single;
        result.Outcome.Should().Be(ScenarioOutcome.Failed);
        result.Steps.Select(s => s.Outcome).Should().Equal(StepOutcome.Passed, StepOutcome.Undefined, StepOutcome.Skipped);
        var message = ScenarioFailureMessage.For(result);
        message.Should().Contain("No matching step definition found for the step \"When broker 106 is killed with \"SIGKILL\" after 1.5 seconds\" (test.feature:4)");
        message.Should().Contain("""
            [When("broker {int} is killed with {string} after {double} seconds")]
            public void WhenBrokerIsKilledWithAfterSeconds(int p0, string p1, double p2)
            {
                throw new PendingStepException();
            }
            """.ReplaceLineEndings());
    }

    [Fact]
    public async Task Snippets_take_a_table_or_a_doc_string_last()
    {
        const string feature = """"
            Feature: Failures
              Scenario: undefined with arguments
                Given these brokers:
                  | id  |
                  | 105 |
                And this config:
                  """
                  acks=all
                  """
            """";

        var outcome = await RunnerHarness.RunAsync(feature, typeof(Steps));

        outcome.Single.Steps[0].Message.Should().Contain("[Given(\"these brokers:\")]").And.Contain("public void GivenTheseBrokers(DataTable dataTable)");
        outcome.Single.Steps[1].Outcome.Should().Be(StepOutcome.Skipped);
    }

    [Fact]
    public async Task An_ambiguous_step_names_every_candidate_with_type_method_and_expression()
    {
        const string feature = """
            Feature: Failures
              Scenario: ambiguous
                Given broker 106 is down
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(Steps));

        var step = outcome.Single.Steps.Should().ContainSingle().Subject;
        step.Outcome.Should().Be(StepOutcome.Ambiguous);
        step.Message.Should().Contain($"{typeof(Steps).FullName}.First [Given(\"broker {{int}} is down\")]")
            .And.Contain($"{typeof(Steps).FullName}.Second [Given(\"broker {{word}} is down\")]");
        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Failed);
    }

    [Fact]
    public async Task A_pending_step_is_reported_pending_and_fails_the_scenario()
    {
        const string feature = """
            Feature: Failures
              Scenario: pending
                When it is not written yet
                Given a cluster
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(Steps));

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Failed);
        outcome.Single.Steps.Select(s => s.Outcome).Should().Equal(StepOutcome.Pending, StepOutcome.Skipped);
        ScenarioFailureMessage.For(outcome.Single).Should().Contain("is pending").And.Contain("Steps.NotYet");
        outcome.Output.Should().Contain("-> pending: Steps.NotYet()").And.Contain("-> skipped because of previous errors");
    }

    [Fact]
    public async Task A_binding_can_skip_its_scenario_at_run_time_with_a_reason()
    {
        const string feature = """
            Feature: Failures
              Scenario: needs docker
                Given a cluster
                When Docker is needed
                Then nothing else runs
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(Steps));

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Skipped);
        outcome.Single.SkipReason.Should().Be("needs Docker; no Docker engine is reachable");
        outcome.Single.Steps.Select(s => s.Outcome).Should().Equal(StepOutcome.Passed, StepOutcome.Skipped, StepOutcome.Skipped);
        outcome.Output.Should().Contain("after hook (token cancelled: False)");
    }

    [Fact]
    public async Task A_step_skipped_ahead_is_reported_skipped_with_its_reason_and_the_scenario_goes_on()
    {
        const string feature = """
            Feature: Failures
              Scenario: one step not judged here
                Given a cluster
                When the step after next cannot be judged here
                Then it is counted
                And it is counted
                And it is counted
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(Steps));

        // Then: only the marked step is skipped, with its reason; the others run and the scenario keeps their verdict
        var result = outcome.Single;
        result.Outcome.Should().Be(ScenarioOutcome.Passed);
        result.Steps.Select(s => s.Outcome).Should().Equal(StepOutcome.Passed, StepOutcome.Passed, StepOutcome.Passed, StepOutcome.Skipped, StepOutcome.Passed);
        result.Steps[3].Message.Should().Be("needs 10 GB kept; this cluster keeps 5 MB");
        outcome.Output.Should().Contain("-> skipped: needs 10 GB kept; this cluster keeps 5 MB");
        outcome.Output.Count(l => l == "step: counted").Should().Be(2);
    }

    [Fact]
    public async Task A_step_that_already_ran_cannot_be_skipped()
    {
        const string feature = """
            Feature: Failures
              Scenario: too late
                Given a cluster
                When the step before cannot be judged here
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(Steps));

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Failed);
        outcome.Single.Steps[1].Message.Should().Contain("has already run; only a step still to come can be skipped");
    }

    [Fact]
    public async Task A_scenario_past_its_timeout_tag_fails_clearly_and_after_hooks_get_a_fresh_token()
    {
        const string feature = """
            Feature: Failures
              @timeout:1
              Scenario: hangs
                When it waits for cancellation
                Given a cluster
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(Steps));

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Failed);
        outcome.Single.Steps[0].Error.Should().BeOfType<ScenarioTimeoutException>()
            .Which.Message.Should().Be("The scenario timed out after 1 s (default 20 minutes; tag the scenario @timeout:<seconds> to change it).");
        outcome.Single.Steps[1].Outcome.Should().Be(StepOutcome.Skipped);
        outcome.Output.Should().Contain("after hook (token cancelled: False)");
    }

    [Fact]
    public async Task Skipped_and_failing_cases_from_the_catalog_never_run_their_steps()
    {
        using var workspace = new FeatureWorkspace();
        workspace.Write("a.feature", """
            Feature: Skips
              @ignore
              Scenario: ignored
                Given a cluster
            """);
        workspace.Write("b.feature", "Feature: broken\n  Scenario: s\n    Given x\n    not gherkin at all\n");

        var outcome = await RunnerHarness.RunAsync(workspace.Root, new RunProfile(RunProfile.Smoke), [], typeof(Steps));

        outcome.Results.Select(r => r.Outcome).Should().Equal(ScenarioOutcome.Skipped, ScenarioOutcome.Failed);
        outcome.Results[0].SkipReason.Should().Be("ignored by the @ignore tag");
        outcome.Results[1].Error!.Message.Should().Contain("b.feature:4:5");
        outcome.Output.Should().NotContain("step: cluster");
    }

    [Fact]
    public async Task A_scenario_with_no_steps_fails_naming_file_and_line_and_never_passes()
    {
        const string feature = """
            Feature: Failures
              Scenario: typo
                Whenever a cluster of brokers 105, 106 and 108
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(Steps));

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Failed);
        ScenarioFailureMessage.For(outcome.Single).Should().StartWith("test.feature:2: the scenario \"typo\" has no steps");
    }

    [Fact]
    public async Task A_failure_wrapped_in_an_aggregate_shows_the_inner_message_once()
    {
        const string feature = """
            Feature: Failures
              Scenario: wrapped
                When the cluster refuses once
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(Steps));

        var message = ScenarioFailureMessage.For(outcome.Single);
        message.Should().NotContain("One or more errors occurred");
        Occurrences(message, "broker 106 refused the connection").Should().Be(1, message);
        outcome.Output.Should().Contain(l => l.StartsWith("-> error: broker 106 refused the connection (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Several_wrapped_failures_are_each_shown_once()
    {
        const string feature = """
            Feature: Failures
              Scenario: wrapped twice
                When the cluster refuses twice
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(Steps));

        var message = ScenarioFailureMessage.For(outcome.Single);
        message.Should().NotContain("One or more errors occurred");
        Occurrences(message, "broker 106 refused the connection").Should().Be(1, message);
        Occurrences(message, "broker 108 refused the connection").Should().Be(1, message);
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
