using KafkaResilience.Gherkin.Results;
using KafkaResilience.Gherkin.Tests.Harness;

namespace KafkaResilience.Gherkin.Tests;

public sealed class InjectionTests
{
    public sealed class Clock;

    public sealed class ClusterState(ScenarioContext context, Clock clock) : IDisposable
    {
        public Guid Id { get; } = Guid.NewGuid();

        public Clock Clock { get; } = clock;

        public void Dispose() => context.Output($"disposed sync {Id}");
    }

    public sealed class History(ScenarioContext context) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Task.Yield();
            context.Output("disposed async");
        }
    }

    [Binding]
    public sealed class FirstSteps(ClusterState state, History history, ScenarioContext context)
    {
        [Given("the first binding sees the state")]
        public void First() => context.Output($"first {state.Id} {history.GetHashCode() != 0}");

        [Given("a step fails")]
        public void Fails() => throw new InvalidOperationException("failed on purpose");

        [AfterScenario]
        public void After() => context.Output("after hook");
    }

    [Binding]
    public sealed class SecondSteps(ClusterState state, ScenarioContext context)
    {
        [Given("the second binding sees the state")]
        public void Second() => context.Output($"second {state.Id}");
    }

    [Fact]
    public async Task One_instance_per_scenario_is_shared_by_every_binding_and_disposed_after_the_after_hooks()
    {
        const string feature = """
            Feature: Injection
              Scenario: one
                Given the first binding sees the state
                And the second binding sees the state
              Scenario: two
                Given the first binding sees the state
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(FirstSteps), typeof(SecondSteps));

        outcome.Results.Should().OnlyContain(r => r.Outcome == ScenarioOutcome.Passed);
        var ids = outcome.Output.Where(l => l.StartsWith("first ", StringComparison.Ordinal) || l.StartsWith("second ", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[1]).ToList();
        ids.Should().HaveCount(3);
        ids[0].Should().Be(ids[1], "both bindings of a scenario share one instance");
        ids[2].Should().NotBe(ids[0], "each scenario gets a fresh instance");
        outcome.Output.Should().ContainInOrder("after hook", $"disposed sync {ids[0]}", "after hook", $"disposed sync {ids[2]}");
        outcome.Output.Count(l => l == "disposed async").Should().Be(2);
    }

    [Fact]
    public async Task Context_objects_are_disposed_when_a_step_failed()
    {
        const string feature = """
            Feature: Injection
              Scenario: failing
                Given the first binding sees the state
                And a step fails
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(FirstSteps));

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Failed);
        outcome.Output.Should().Contain(l => l.StartsWith("disposed sync ", StringComparison.Ordinal)).And.Contain("disposed async");
    }

    public interface INotInjectable;

    [Binding]
    public sealed class WantsInterface(INotInjectable value)
    {
        [Given("an interface is wanted")]
        public void Step() => _ = value;
    }

    [Fact]
    public async Task An_uninjectable_dependency_fails_the_step_naming_the_type()
    {
        const string feature = """
            Feature: Injection
              Scenario: interface
                Given an interface is wanted
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(WantsInterface));

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Failed);
        outcome.Single.Steps[0].Message.Should().Contain("Cannot inject INotInjectable").And.Contain("needed by WantsInterface");
    }
}
