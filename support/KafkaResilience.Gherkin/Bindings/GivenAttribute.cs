namespace KafkaResilience.Gherkin;

/// <summary>Binds a method to Given steps (and And/But steps that follow one) matching the expression.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class GivenAttribute(string expression) : StepDefinitionBaseAttribute(expression)
{
    public override StepKeyword? Keyword => StepKeyword.Given;
}
