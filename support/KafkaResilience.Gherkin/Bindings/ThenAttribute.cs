namespace KafkaResilience.Gherkin;

/// <summary>Binds a method to Then steps (and And/But steps that follow one) matching the expression.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ThenAttribute(string expression) : StepDefinitionBaseAttribute(expression)
{
    public override StepKeyword? Keyword => StepKeyword.Then;
}
