using KafkaResilience.Reqnroll.Results;
using KafkaResilience.Reqnroll.Running;
using KafkaResilience.Reqnroll.Tests.Harness;
using Reqnroll;

namespace KafkaResilience.Reqnroll.Tests;

/// <summary>
/// What a scenario row gets when it cannot pass on Reqnroll through the host: an undefined, ambiguous or pending step,
/// a skip at run time (of the scenario, of one step ahead, of a step not judged), a timeout, a malformed file, a
/// wrapped failure. Each is named with its step, file and line, and none is ever reported passed.
/// </summary>
public sealed class FailureTests
{
    [Binding]
    [Scope(Tag = "failures")]
    public sealed class Steps(RunningScenario running, IReqnrollOutputHelper output)
    {
        [Given("a cluster")]
        public void Cluster() => output.WriteLine("step: cluster");

        [Given("broker {int} is down")]
        public void First(int broker) => _ = broker;

        [Given("broker {word} is down")]
        public void Second(string broker) => _ = broker;

        [When("it is not written yet")]
        public void NotYet() => throw new PendingStepException();

        [When("Docker is needed")]
        public void NeedsDocker() => running.Skip("needs Docker; no Docker engine is reachable");

        [When("the step after next cannot be judged here")]
        public void SkipStepAfterNext() => running.SkipLaterStep(running.CurrentStepIndex + 2, "needs 10 GB kept; this cluster keeps 5 MB");

        [When("the step before cannot be judged here")]
        public void SkipStepBefore() => running.SkipLaterStep(running.CurrentStepIndex - 1, "too late");

        [Then("nothing was read, so nothing can be judged")]
        public void NotJudged() => running.NotJudged("no consumer read: the read step was skipped");

        [Then("it is counted")]
        public void Counted() => output.WriteLine("step: counted");

        [Then("it fails")]
        public void Fails() => throw new InvalidOperationException("a real failure");

        [When("it waits for cancellation")]
        public async Task Waits() => await Task.Delay(Timeout.Infinite, running.Token);

        [When("it ignores every token")]
        public void Ignores() => Thread.Sleep(TimeSpan.FromSeconds(3));

        [When("the cluster refuses twice")]
        public Task RefusesTwice() => Task.WhenAll(
            Task.FromException(new InvalidOperationException("broker 106 refused the connection")),
            Task.FromException(new InvalidOperationException("broker 108 refused the connection"))).ContinueWith(t => t.Wait(), TaskScheduler.Default);

        [When("the cluster refuses once")]
        public void RefusesOnce() => Task.Run(() => throw new InvalidOperationException("broker 106 refused the connection")).Wait();

        [AfterScenario]
        public void After() => output.WriteLine($"after hook (token cancelled: {running.Token.IsCancellationRequested})");
    }

    [Fact]
    public async Task An_undefined_step_fails_with_a_pasteable_step_definition()
    {
        const string feature = """
            @failures
            Feature: Failures
              Scenario: undefined
                Given a cluster
                When broker 106 is killed with "SIGKILL" after 1.5 seconds
                Then it is counted
            """;

        var outcome = await HostHarness.RunAsync(feature);

        var result = outcome.Single;
        result.Outcome.Should().Be(ScenarioOutcome.Failed);
        result.Steps.Select(s => s.Outcome).Should().Equal(StepOutcome.Passed, StepOutcome.Undefined, StepOutcome.Skipped);
        var message = ScenarioFailureMessage.For(result);
        message.Should().Contain("No matching step definition found for the step \"When broker 106 is killed with \"SIGKILL\" after 1.5 seconds\" (test.feature:5)");
        message.Should().Contain("[When(\"broker {int} is killed with {string} after {float} seconds\")]")
            .And.Contain("public void WhenBrokerIsKilledWithAfterSeconds(int p0, string sIGKILL1, Decimal p2)")
            .And.Contain("throw new PendingStepException();");
    }

    [Fact]
    public async Task Snippets_take_a_table_or_a_doc_string_last()
    {
        const string feature = """"
            @failures
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

        var outcome = await HostHarness.RunAsync(feature);

        outcome.Single.Steps[0].Message.Should().Contain("[Given(\"these brokers:\")]").And.Contain("public void GivenTheseBrokers(DataTable dataTable)");
        outcome.Single.Steps[1].Outcome.Should().Be(StepOutcome.Undefined);
        outcome.Single.Steps[1].Message.Should().Contain("public void GivenThisConfig(string multilineText)");
    }

    [Fact]
    public async Task An_ambiguous_step_names_every_candidate()
    {
        const string feature = """
            @failures
            Feature: Failures
              Scenario: ambiguous
                Given broker 106 is down
            """;

        var outcome = await HostHarness.RunAsync(feature);

        var step = outcome.Single.Steps.Should().ContainSingle().Subject;
        step.Outcome.Should().Be(StepOutcome.Ambiguous);
        step.Message.Should().Contain("Steps.First(Int32)").And.Contain("Steps.Second(String)").And.Contain("(test.feature:4)");
        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Failed);
    }

    [Fact]
    public async Task A_pending_step_is_reported_pending_and_fails_the_scenario()
    {
        const string feature = """
            @failures
            Feature: Failures
              Scenario: pending
                When it is not written yet
                Given a cluster
            """;

        var outcome = await HostHarness.RunAsync(feature);

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Failed);
        outcome.Single.Steps.Select(s => s.Outcome).Should().Equal(StepOutcome.Pending, StepOutcome.Skipped);
        ScenarioFailureMessage.For(outcome.Single).Should().Contain("is pending").And.Contain("(test.feature:4)");
        outcome.Output.Should().Contain(l => l.StartsWith("-> pending: Steps.NotYet()", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_binding_can_skip_its_scenario_at_run_time_with_a_reason()
    {
        const string feature = """
            @failures
            Feature: Failures
              Scenario: needs docker
                Given a cluster
                When Docker is needed
                Then it is counted
            """;

        var outcome = await HostHarness.RunAsync(feature);

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Skipped);
        outcome.Single.SkipReason.Should().Be("needs Docker; no Docker engine is reachable");
        outcome.Single.Steps.Select(s => s.Outcome).Should().Equal(StepOutcome.Passed, StepOutcome.Skipped, StepOutcome.Skipped);
        outcome.Single.Steps[2].Message.Should().Be("skipped: needs Docker; no Docker engine is reachable");
        outcome.Output.Should().Contain("after hook (token cancelled: False)").And.NotContain("step: counted");
    }

    [Fact]
    public async Task A_step_skipped_ahead_is_reported_skipped_with_its_reason_and_the_scenario_goes_on()
    {
        const string feature = """
            @failures
            Feature: Failures
              Scenario: one step not judged here
                Given a cluster
                When the step after next cannot be judged here
                Then it is counted
                And it is counted
                And it is counted
            """;

        var outcome = await HostHarness.RunAsync(feature);

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
            @failures
            Feature: Failures
              Scenario: too late
                Given a cluster
                When the step before cannot be judged here
            """;

        var outcome = await HostHarness.RunAsync(feature);

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Failed);
        outcome.Single.Steps[1].Message.Should().Contain("has already run; only a step still to come can be skipped");
    }

    [Fact]
    public async Task A_step_not_judged_is_skipped_with_its_reason_the_others_run_and_the_scenario_ends_skipped()
    {
        const string feature = """
            @failures
            Feature: Failures
              Scenario: nothing to judge
                Given a cluster
                Then nothing was read, so nothing can be judged
                And it is counted
            """;

        var outcome = await HostHarness.RunAsync(feature);

        var result = outcome.Single;
        result.Outcome.Should().Be(ScenarioOutcome.Skipped, "a check that was not judged is never passed");
        result.SkipReason.Should().Be("not judged: no consumer read: the read step was skipped");
        result.Steps.Select(s => s.Outcome).Should().Equal(StepOutcome.Passed, StepOutcome.Skipped, StepOutcome.Passed);
        result.Steps[1].Message.Should().Be("not judged: no consumer read: the read step was skipped");
        outcome.Output.Should().Contain("-> skipped: not judged: no consumer read: the read step was skipped").And.Contain("step: counted");
    }

    [Fact]
    public async Task A_step_not_judged_leaves_a_real_failure_a_failure()
    {
        const string feature = """
            @failures
            Feature: Failures
              Scenario: one unjudged, one failed
                Then nothing was read, so nothing can be judged
                And it fails
            """;

        var outcome = await HostHarness.RunAsync(feature);

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Failed);
        ScenarioFailureMessage.For(outcome.Single).Should().Contain("a real failure");
    }

    [Fact]
    public async Task A_scenario_past_its_timeout_tag_fails_clearly_and_after_hooks_get_a_fresh_token()
    {
        const string feature = """
            @failures
            Feature: Failures
              @timeout:1
              Scenario: hangs
                When it waits for cancellation
                Given a cluster
            """;

        var outcome = await HostHarness.RunAsync(feature);

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Failed);
        outcome.Single.Steps[0].Error.Should().BeOfType<ScenarioTimeoutException>()
            .Which.Message.Should().Be("The scenario timed out after 1 s (default 20 minutes; tag the scenario @timeout:<seconds> to change it).");
        outcome.Single.Steps[1].Outcome.Should().Be(StepOutcome.Skipped);
        outcome.Output.Should().Contain("after hook (token cancelled: False)");
    }

    [Fact]
    public async Task A_step_that_ignores_its_token_is_left_behind_at_the_timeout_and_the_scenario_fails()
    {
        const string feature = """
            @failures
            Feature: Failures
              @timeout:1
              Scenario: ignores the token
                When it ignores every token
            """;

        var started = DateTimeOffset.UtcNow;
        var outcome = await HostHarness.RunAsync(feature);

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Failed);
        outcome.Single.Steps[0].Error.Should().BeOfType<ScenarioTimeoutException>();
        (DateTimeOffset.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(3), "the host does not wait for the step past the deadline");
    }

    [Fact]
    public async Task Skipped_and_failing_cases_from_the_catalog_never_run_their_steps()
    {
        using var workspace = new FeatureWorkspace();
        workspace.Write("a.feature", """
            @failures
            Feature: Skips
              @ignore
              Scenario: ignored
                Given a cluster
            """);
        workspace.Write("b.feature", "Feature: broken\n  Scenario: s\n    Given x\n    not gherkin at all\n");

        var outcome = await HostHarness.RunFolderAsync(workspace.Root, TagProfile.Smoke);

        outcome.Results.Select(r => r.Outcome).Should().Equal(ScenarioOutcome.Skipped, ScenarioOutcome.Failed);
        outcome.Results[0].SkipReason.Should().Be("ignored by the @ignore tag");
        outcome.Results[1].Error!.Message.Should().Contain("b.feature:4:5");
        outcome.Output.Should().NotContain("step: cluster");
        outcome.Listener.Results.Should().HaveCount(2, "the reports hear the rows that never ran too");
    }

    [Fact]
    public async Task A_scenario_with_no_steps_fails_naming_file_and_line_and_never_passes()
    {
        const string feature = """
            Feature: Failures
              Scenario: typo
                Whenever a cluster of brokers 105, 106 and 108
            """;

        var outcome = await HostHarness.RunAsync(feature);

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Failed);
        ScenarioFailureMessage.For(outcome.Single).Should().StartWith("test.feature:2: the scenario \"typo\" has no steps");
    }

    [Fact]
    public async Task An_empty_examples_cell_is_named_with_its_row_and_column_before_the_scenario_runs()
    {
        const string feature = """
            @failures
            Feature: Failures
              Scenario Outline: o
                Given a cluster
                When broker <n> is down

                Examples:
                  | n |
                  |   |
            """;

        var outcome = await HostHarness.RunAsync(feature);

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Failed);
        ScenarioFailureMessage.For(outcome.Single).Should().StartWith("Examples row 1 of \"o\" (test.feature:9) leaves <n> empty");
        outcome.Output.Should().NotContain("step: cluster");
    }

    [Fact]
    public async Task A_failure_wrapped_in_an_aggregate_shows_the_inner_message_once()
    {
        const string feature = """
            @failures
            Feature: Failures
              Scenario: wrapped
                When the cluster refuses once
            """;

        var outcome = await HostHarness.RunAsync(feature);

        var message = ScenarioFailureMessage.For(outcome.Single);
        message.Should().NotContain("One or more errors occurred");
        Occurrences(message, "broker 106 refused the connection").Should().Be(1, message);
    }

    [Fact]
    public async Task Several_wrapped_failures_are_each_shown_once()
    {
        const string feature = """
            @failures
            Feature: Failures
              Scenario: wrapped twice
                When the cluster refuses twice
            """;

        var outcome = await HostHarness.RunAsync(feature);

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
