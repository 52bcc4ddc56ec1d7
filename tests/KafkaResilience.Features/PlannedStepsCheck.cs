using System.Reflection;
using FluentAssertions;
using KafkaResilience.Chaos.Fit;
using KafkaResilience.Reqnroll.Catalog;
using KafkaResilience.Steps;
using Reqnroll;
using Xunit;

namespace KafkaResilience.Features;

/// <summary>
/// Every step definition that plans (<see cref="PlannedAsAttribute"/>) can make its planned step from its own parameters,
/// and the plan follows the bound values, not the wording: a step reworded in a binding of its own plans the same.
/// </summary>
public sealed class PlannedStepsCheck(BoundSteps steps) : IClassFixture<BoundSteps>
{
    [Fact]
    public void Every_planning_step_definition_fills_a_constructor_of_its_planned_step()
    {
        var planning = typeof(WorkloadSteps).Assembly.GetTypes().Append(typeof(RewordedSteps))
            .SelectMany(t => t.GetMethods())
            .Select(m => (Method: m, Planned: m.GetCustomAttribute<PlannedAsAttribute>()))
            .Where(m => m.Planned is not null)
            .ToList();

        planning.Should().HaveCountGreaterThan(20);
        var unfit = planning.Where(m => !typeof(IPlannedStep).IsAssignableFrom(m.Planned!.PlannedStep)
                || !m.Planned.PlannedStep.GetConstructors().Any(c => Fits(c.GetParameters(), m.Method.GetParameters())))
            .Select(m => $"{m.Method.DeclaringType!.Name}.{m.Method.Name} -> {m.Planned!.PlannedStep.Name}")
            .ToList();
        unfit.Should().BeEmpty("each planning step's values must fill its planned step");
    }

    [Fact]
    public async Task A_reworded_step_plans_the_same_as_the_vocabulary_s()
    {
        // Given: one row with the vocabulary's send, one with the same send worded another way (bound by RewordedSteps)
        using var workspace = new StepsFolder();
        workspace.Write("""
            @reworded
            Feature: wording
              Scenario: the vocabulary's words
                When a producer sends 100000000 messages of 100 bytes to "q_1" at 100000 messages per second

              Scenario: other words
                When 100000000 messages of 100 bytes go to "q_1" at 100000 messages per second, sent by a producer
            """);
        var rows = FeatureCatalog.Load(workspace.Root, null);
        var planner = new StepPlanner(steps.Matcher);

        // When
        var vocabulary = await planner.PlanAsync(rows[0], System.Globalization.CultureInfo.InvariantCulture);
        var reworded = await planner.PlanAsync(rows[1], System.Globalization.CultureInfo.InvariantCulture);

        // Then
        vocabulary.Should().ContainSingle().Which.Should().NotBeNull();
        reworded.Should().Equal(vocabulary);
        ScenarioNeedsBuilder.Of(reworded, ["other words"]).Sends.Should().ContainSingle().Which.Messages.Should().Be(100_000_000);
    }

    private static bool Fits(ParameterInfo[] constructor, ParameterInfo[] method)
    {
        if (constructor.Length != method.Length) return false;
        var used = new bool[method.Length];
        foreach (var parameter in constructor)
        {
            var index = Enumerable.Range(0, method.Length).FirstOrDefault(i => !used[i] && method[i].ParameterType.IsAssignableTo(parameter.ParameterType), -1);
            if (index < 0) return false;
            used[index] = true;
        }

        return true;
    }

    private sealed class StepsFolder : IDisposable
    {
        public string Root { get; } = Directory.CreateTempSubdirectory("kr-plan-").FullName;

        public void Write(string feature) => File.WriteAllText(Path.Combine(Root, "wording.feature"), feature);

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
