using CucumberExpressions;

namespace KafkaResilience.Gherkin;

/// <summary>A Cucumber Expression parameter type ({int}, {string}, {duration}, an enum, a transformation) and how its text becomes a value.</summary>
internal sealed class ParameterTypeDefinition(
    string name,
    string[] regexStrings,
    Type parameterType,
    bool useForSnippets,
    Func<string, Type, Func<Type, object>?, object?> convert) : IParameterType
{
    public string Name { get; } = name;

    public string[] RegexStrings { get; } = regexStrings;

    public Type ParameterType { get; } = parameterType;

    public int Weight => 0;

    public bool UseForSnippets { get; } = useForSnippets;

    public object? Convert(string text, Type target, Func<Type, object>? resolve) => convert(text, target, resolve);
}
