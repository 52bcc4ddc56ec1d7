using System.Reflection;
using System.Text.RegularExpressions;

namespace KafkaResilience.Gherkin;

/// <summary>A [StepArgumentTransformation] method: its regex, the parameter type name and how to call it.</summary>
internal sealed class ArgumentTransformation
{
    public ArgumentTransformation(MethodInfo method, string regex, string name)
    {
        Method = method;
        Pattern = regex;
        Name = name;
        Whole = new Regex($"^(?:{regex})$", RegexOptions.CultureInvariant);
    }

    public MethodInfo Method { get; }

    public string Pattern { get; }

    public string Name { get; }

    public Regex Whole { get; }

    public Type ReturnType => Method.ReturnType;

    public bool TryTransformWhole(string text, Func<Type, object>? resolve, out object? value)
    {
        var match = Whole.Match(text);
        if (!match.Success)
        {
            value = null;
            return false;
        }

        var groups = match.Groups.Cast<Group>().Skip(1).Where(g => g.Success).Select(g => g.Value).ToArray();
        value = Invoke(groups.Length == 0 ? [text] : groups, resolve);
        return true;
    }

    /// <summary>Calls the method with the captured strings (converted to its parameter types).</summary>
    public object? Invoke(IReadOnlyList<string> values, Func<Type, object>? resolve)
    {
        var parameters = Method.GetParameters();
        if (parameters.Length != values.Count)
        {
            throw new StepBindingException(
                $"[StepArgumentTransformation] {Method.DeclaringType?.Name}.{Method.Name} takes {parameters.Length} parameter(s) but its regex '{Pattern}' captured {values.Count} value(s).");
        }

        var plain = new ArgumentConverter();
        var args = parameters.Select((p, i) => plain.Convert(values[i], p.ParameterType)).ToArray();
        object? target = null;
        if (!Method.IsStatic)
        {
            target = resolve is not null
                ? resolve(Method.DeclaringType!)
                : throw new StepBindingException($"[StepArgumentTransformation] {Method.DeclaringType?.Name}.{Method.Name} is an instance method; it can only run inside a scenario.");
        }

        try
        {
            return Method.Invoke(target, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new StepBindingException(
                $"[StepArgumentTransformation] {Method.DeclaringType?.Name}.{Method.Name} failed on '{string.Join("', '", values)}': {e.InnerException.Message}",
                e.InnerException);
        }
    }
}
