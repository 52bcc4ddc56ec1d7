using System.Globalization;
using System.Reflection;
using KafkaResilience.Chaos.Fit;
using KafkaResilience.Reqnroll.Catalog;
using KafkaResilience.Reqnroll.Running;

namespace KafkaResilience.Steps;

/// <summary>
/// What a row's steps mean to a target's judgement of the row, before they run: each step is matched to its step
/// definition and its values converted as Reqnroll will (<see cref="StepMatcher"/>); a definition marked
/// <see cref="PlannedAsAttribute"/> makes its planned step from those values. A step that binds to nothing, or whose
/// value cannot be read, plans nothing here and answers for itself when it runs.
/// </summary>
public sealed class StepPlanner(StepMatcher matcher)
{
    public async Task<IReadOnlyList<IPlannedStep?>> PlanAsync(ScenarioCase row, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(row);
        var bound = await matcher.BindAsync(row, convert: true, culture).ConfigureAwait(false);
        return [.. bound.Select(Plan)];
    }

    /// <summary>The planned step of one bound step, or null when its definition plans nothing (or it did not bind).</summary>
    public static IPlannedStep? Plan(BoundStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Method?.GetCustomAttribute<PlannedAsAttribute>() is { } planned && step.Arguments is { } values
            ? Create(planned.PlannedStep, values)
            : null;
    }

    /// <summary>
    /// A planned step of <paramref name="type"/> from a step's values: the constructor whose parameters the values fill,
    /// each by type (in order among values of one type), every value used; null when no constructor fits them.
    /// </summary>
    public static IPlannedStep? Create(Type type, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(values);
        foreach (var constructor in type.GetConstructors().OrderByDescending(c => c.GetParameters().Length))
        {
            if (Fill(constructor.GetParameters(), values) is { } arguments) return (IPlannedStep)constructor.Invoke(arguments);
        }

        return null;
    }

    private static object?[]? Fill(ParameterInfo[] parameters, IReadOnlyList<object?> values)
    {
        if (parameters.Length != values.Count) return null;
        var used = new bool[values.Count];
        var arguments = new object?[parameters.Length];
        for (var p = 0; p < parameters.Length; p++)
        {
            var index = Enumerable.Range(0, values.Count).FirstOrDefault(i => !used[i] && values[i] is { } v && v.GetType().IsAssignableTo(parameters[p].ParameterType), -1);
            if (index < 0) return null;
            used[index] = true;
            arguments[p] = values[index];
        }

        return arguments;
    }
}
