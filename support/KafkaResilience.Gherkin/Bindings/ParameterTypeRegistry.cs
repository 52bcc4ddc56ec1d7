using CucumberExpressions;

namespace KafkaResilience.Gherkin;

/// <summary>
/// The parameter types Cucumber Expressions may name: int, long, float, double, decimal, word, string,
/// the anonymous {}, duration (TimeSpan), every enum used by a step method (by its type name), and every
/// [StepArgumentTransformation] (by its Name or return type name).
/// </summary>
internal sealed class ParameterTypeRegistry : IParameterTypeRegistry
{
    private readonly Dictionary<string, ParameterTypeDefinition> _byName = new(StringComparer.Ordinal);

    public ParameterTypeRegistry(ArgumentConverter converter, IEnumerable<Type> enumTypes, ICollection<string> errors)
    {
        Func<string, Type, Func<Type, object>?, object?> plain = converter.Convert;
        var ints = ParameterTypeConstants.IntParameterRegexps;
        var floats = ParameterTypeConstants.FloatParameterRegexpsEn;
        Add(new("int", ints, typeof(int), true, plain));
        Add(new("long", ints, typeof(long), false, plain));
        Add(new("byte", ints, typeof(byte), false, plain));
        Add(new("short", ints, typeof(short), false, plain));
        Add(new("double", floats, typeof(double), true, plain));
        Add(new("float", floats, typeof(float), false, plain));
        Add(new("decimal", floats, typeof(decimal), false, plain));
        Add(new("word", ParameterTypeConstants.WordParameterRegexps, typeof(string), false, plain));
        Add(new("string", ParameterTypeConstants.StringParameterRegexps, typeof(string), true,
            (text, target, resolve) => converter.Convert(Unquote(text), target, resolve)));
        Add(new(string.Empty, [ParameterTypeConstants.AnonymousParameterRegex], typeof(object), false, plain));
        Add(new("duration", [DurationParser.Pattern], typeof(TimeSpan), false, (text, target, resolve) =>
            target == typeof(TimeSpan) || target == typeof(TimeSpan?) || target == typeof(object)
                ? DurationParser.Parse(text)
                : converter.Convert(text, target, resolve)));

        foreach (var transformation in converter.Transformations)
        {
            if (_byName.ContainsKey(transformation.Name))
            {
                errors.Add($"Parameter type '{{{transformation.Name}}}' is declared twice (again by [StepArgumentTransformation] {transformation.Method.DeclaringType?.Name}.{transformation.Method.Name}); give it another Name.");
                continue;
            }

            Add(new(transformation.Name, [transformation.Pattern], transformation.ReturnType, false, (text, target, resolve) =>
            {
                var match = transformation.Whole.Match(text);
                var groups = match.Groups.Cast<System.Text.RegularExpressions.Group>().Skip(1).Where(g => g.Success).Select(g => g.Value).ToArray();
                var value = transformation.Invoke(groups.Length == 0 ? [text] : groups, resolve);
                return value is null || target.IsInstanceOfType(value) ? value : converter.Convert(value.ToString() ?? string.Empty, target, resolve);
            }));
        }

        foreach (var enumType in enumTypes.Distinct())
        {
            if (!_byName.ContainsKey(enumType.Name))
            {
                Add(new(enumType.Name, [@"[\p{L}_][\p{L}\p{N}_\-]*"], enumType, false, plain));
            }
        }
    }

    public IParameterType LookupByTypeName(string name) => _byName.GetValueOrDefault(name)!;

    public IEnumerable<IParameterType> GetParameterTypes() => _byName.Values;

    private void Add(ParameterTypeDefinition definition) => _byName[definition.Name] = definition;

    private static string Unquote(string text)
    {
        if (text.Length >= 2 && (text[0] == '"' || text[0] == '\'') && text[^1] == text[0])
        {
            var quote = text[0];
            return text[1..^1].Replace("\\" + quote, quote.ToString(), StringComparison.Ordinal);
        }

        return text;
    }
}
