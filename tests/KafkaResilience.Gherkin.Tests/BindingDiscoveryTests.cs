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
}
