using System.Reflection;
using System.Text.RegularExpressions;
using CucumberExpressions;
using CucumberExpressions.Parsing;

namespace KafkaResilience.Gherkin;

/// <summary>One [Given]/[When]/[Then]/[StepDefinition] expression on one method, compiled.</summary>
internal sealed class StepDefinitionBinding
{
    private readonly TreeRegexp? _tree;
    private readonly Regex _regex;
    private readonly IReadOnlyList<ParameterTypeDefinition>? _parameterTypes;

    public StepDefinitionBinding(MethodInfo method, StepKeyword? keyword, string source, ParameterTypeRegistry registry)
    {
        Method = method;
        Keyword = keyword;
        Source = source;
        IsRegex = source.StartsWith('^') || source.EndsWith('$');
        if (IsRegex)
        {
            var anchored = (source.StartsWith('^') ? string.Empty : "^") + source + (source.EndsWith('$') ? string.Empty : "$");
            _regex = new Regex(anchored, RegexOptions.CultureInvariant);
        }
        else
        {
            var expression = new CucumberExpression(source, registry);
            _regex = expression.Regex;
            _parameterTypes = expression.ParameterTypes.Cast<ParameterTypeDefinition>().ToList();
        }

        try
        {
            _tree = new TreeRegexp(_regex);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            _tree = null;
        }
    }

    public MethodInfo Method { get; }

    public StepKeyword? Keyword { get; }

    public string Source { get; }

    public bool IsRegex { get; }

    /// <summary>"Type.Method" as people read it in messages.</summary>
    public string Name => $"{Method.DeclaringType?.Name}.{Method.Name}";

    /// <summary>The captured texts when the whole step text matches, else null.</summary>
    public IReadOnlyList<string>? Match(string text)
    {
        if (_tree is not null)
        {
            var group = _tree.Match(text);
            return group?.Children.Select(c => c.Value).ToList();
        }

        var match = _regex.Match(text);
        return match.Success ? match.Groups.Cast<System.Text.RegularExpressions.Group>().Skip(1).Select(g => g.Value).ToList() : null;
    }

    /// <summary>Converts one captured text to the method's parameter type.</summary>
    public object? Convert(int index, string text, Type target, ArgumentConverter converter, Func<Type, object>? resolve) =>
        _parameterTypes is not null && index < _parameterTypes.Count
            ? _parameterTypes[index].Convert(text, target, resolve)
            : converter.Convert(text, target, resolve);
}
