using System.Globalization;

namespace KafkaResilience.Gherkin;

/// <summary>
/// Turns step text into the parameter types of binding methods and table columns: numbers (invariant
/// culture), bool, enums (case-insensitive, the error lists the allowed names), TimeSpan (see
/// <see cref="DurationParser"/>), Guid, DateTimeOffset, DateTime, nullable forms, and the custom
/// transformations of the bindings.
/// </summary>
public sealed class ArgumentConverter
{
    private readonly IReadOnlyList<ArgumentTransformation> _transformations;

    public ArgumentConverter()
        : this([])
    {
    }

    internal ArgumentConverter(IReadOnlyList<ArgumentTransformation> transformations) =>
        _transformations = transformations;

    /// <summary>Transformations in the bindings; they need a scenario's objects when they are instance methods.</summary>
    internal IReadOnlyList<ArgumentTransformation> Transformations => _transformations;

    public object? Convert(string text, Type target) => Convert(text, target, null);

    internal object? Convert(string text, Type target, Func<Type, object>? resolve)
    {
        if (target == typeof(string) || target == typeof(object)) return text;

        foreach (var transformation in _transformations)
        {
            if (transformation.ReturnType == target && transformation.TryTransformWhole(text, resolve, out var value))
            {
                return value;
            }
        }

        var underlying = Nullable.GetUnderlyingType(target);
        if (underlying is not null)
        {
            return string.IsNullOrWhiteSpace(text) ? null : Convert(text, underlying, resolve);
        }

        var trimmed = text.Trim();
        try
        {
            if (target.IsEnum) return ConvertEnum(trimmed, target);
            if (target == typeof(TimeSpan)) return DurationParser.Parse(trimmed);
            if (target == typeof(Guid)) return Guid.Parse(trimmed);
            if (target == typeof(bool)) return ParseBool(trimmed);
            if (target == typeof(DateTimeOffset)) return DateTimeOffset.Parse(trimmed, CultureInfo.InvariantCulture);
            if (target == typeof(DateTime)) return DateTime.Parse(trimmed, CultureInfo.InvariantCulture);
            if (target == typeof(double) || target == typeof(float) || target == typeof(decimal))
            {
                trimmed = trimmed.Replace(",", string.Empty, StringComparison.Ordinal);
            }

            if (typeof(IConvertible).IsAssignableFrom(target))
            {
                return System.Convert.ChangeType(trimmed, target, CultureInfo.InvariantCulture);
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException)
        {
            throw new StepBindingException($"Cannot convert '{text}' to {target.Name}: {e.Message}", e);
        }

        throw new StepBindingException(
            $"Cannot convert '{text}' to {target.FullName}: declare a [StepArgumentTransformation] method returning {target.Name}.");
    }

    private static object ConvertEnum(string text, Type target)
    {
        var normalized = text.Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("-", string.Empty, StringComparison.Ordinal)
            .Replace("_", string.Empty, StringComparison.Ordinal);
        foreach (var name in Enum.GetNames(target))
        {
            if (string.Equals(name.Replace("_", string.Empty, StringComparison.Ordinal), normalized, StringComparison.OrdinalIgnoreCase))
            {
                return Enum.Parse(target, name);
            }
        }

        throw new StepBindingException(
            $"'{text}' is not a value of {target.Name}; allowed values (case-insensitive): {string.Join(", ", Enum.GetNames(target))}.");
    }

    private static bool ParseBool(string text) => text.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" or "enabled" => true,
        "false" or "no" or "off" or "disabled" => false,
        _ => throw new FormatException($"'{text}' is not a boolean; use true/false, yes/no, on/off or enabled/disabled."),
    };
}
