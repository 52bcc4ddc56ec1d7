namespace KafkaResilience.Gherkin;

/// <summary>
/// Declares a custom parameter type, as Reqnroll does: the method (static, or an instance method of a
/// binding) takes the regex's capture groups as strings (the whole match when there are none) and returns
/// the value. It is usable as <c>{Name}</c> in Cucumber Expressions (Name defaults to the return type's name)
/// and converts any captured text of the return type that the regex matches in full.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class StepArgumentTransformationAttribute(string regex) : Attribute
{
    public string Regex { get; } = regex;

    /// <summary>The Cucumber Expression parameter name; null means the return type's name.</summary>
    public string? Name { get; set; }
}
