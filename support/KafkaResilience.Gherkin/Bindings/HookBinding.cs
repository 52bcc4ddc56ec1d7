using System.Reflection;

namespace KafkaResilience.Gherkin;

/// <summary>One hook method with its kind, tag scope (without '@') and order.</summary>
internal sealed class HookBinding(MethodInfo method, HookKind kind, IReadOnlyList<string> tags, int order)
{
    public MethodInfo Method { get; } = method;

    public HookKind Kind { get; } = kind;

    public IReadOnlyList<string> Tags { get; } = tags;

    public int Order { get; } = order;

    public string Name => $"{Method.DeclaringType?.Name}.{Method.Name}";

    /// <summary>An unscoped hook applies everywhere; a scoped one where any of its tags is present.</summary>
    public bool AppliesTo(IReadOnlyList<string> tags) =>
        Tags.Count == 0 || Tags.Any(t => tags.Contains(t, StringComparer.OrdinalIgnoreCase));
}
