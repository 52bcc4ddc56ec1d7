namespace KafkaResilience.Gherkin;

/// <summary>Binds a method to steps of any keyword matching the expression.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class StepDefinitionAttribute(string expression) : StepDefinitionBaseAttribute(expression)
{
    public override StepKeyword? Keyword => null;
}
