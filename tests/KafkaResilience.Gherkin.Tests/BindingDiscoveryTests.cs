using KafkaResilience.Gherkin.Tests.Harness;
using KafkaResilience.Gherkin.Tests.SelfTest;

namespace KafkaResilience.Gherkin.Tests;

public sealed class BindingDiscoveryTests
{
    [Fact]
    public void Assemblies_give_their_bindings_and_declared_listeners_narrowed_by_the_filter()
    {
        var registry = BindingRegistry.FromAssemblies(
            [typeof(BindingDiscoveryTests).Assembly],
            t => t.Namespace == typeof(CalculatorSteps).Namespace);

        registry.BindingTypes.Should().Equal(typeof(CalculatorSteps));
        registry.ListenerTypes.Should().Equal(typeof(SelfTestListener));
        registry.StepDefinitionCount.Should().Be(9);
        registry.Errors.Should().BeEmpty();
    }

    [Fact]
    public void Types_without_the_binding_attribute_are_not_bindings()
    {
        var registry = BindingRegistry.FromTypes([typeof(Calculator), typeof(CalculatorSteps)]);

        registry.BindingTypes.Should().Equal(typeof(CalculatorSteps));
    }

    [Fact]
    public void Steps_are_checked_without_running_even_in_rows_the_profile_skips()
    {
        // Given: a full-profile row (skipped in smoke) with one step nobody defined, and a smoke row that binds
        using var workspace = new FeatureWorkspace();
        workspace.Write("sums.feature", """
            Feature: Sums
              Scenario Outline: adding <value>
                Given the total is 1
                When I add <value>
                Then the total is <total>
                And the total is written down in <place>

                @smoke
                Examples:
                  | value | total | place |
                  | 2     | 3     | ink   |

                @full
                Examples:
                  | value | total | place  |
                  | 5     | 6     | stone  |
            """);
        var cases = FeatureCatalog.Load(workspace.Root, new RunProfile(RunProfile.Smoke));
        var registry = BindingRegistry.FromTypes([typeof(CalculatorSteps)]);

        // When
        var problems = cases.SelectMany(registry.UnboundSteps).ToList();

        // Then: both rows name the undefined step with file and line; the full row is checked although skipped
        cases.Should().HaveCount(2).And.Contain(c => c.SkipReason != null);
        problems.Should().HaveCount(2).And.OnlyContain(p => p.StartsWith("sums.feature:6 ") && p.EndsWith(": no step definition matches"));
        problems.Should().Contain(p => p.Contains("\"And the total is written down in stone\""));
    }
}
