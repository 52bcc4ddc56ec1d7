namespace KafkaResilience.Gherkin;

/// <summary>
/// A step definition's expression. As in Reqnroll, an expression that starts with '^' or ends with '$'
/// is a regular expression; anything else is a Cucumber Expression.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public abstract class StepDefinitionBaseAttribute : Attribute
{
    protected StepDefinitionBaseAttribute(string expression) => Expression = expression;

    public string Expression { get; }

    /// <summary>The keyword this definition answers to; null answers to every keyword.</summary>
    public abstract StepKeyword? Keyword { get; }
}
