using System.Reflection;
using CucumberExpressions;

namespace KafkaResilience.Gherkin;

/// <summary>
/// Every step definition, hook, argument transformation and run listener found in [Binding] classes.
/// Problems (a bad expression, a non-static run hook) are collected in <see cref="Errors"/>, and every
/// scenario then fails naming them, as Reqnroll reports binding errors.
/// </summary>
public sealed class BindingRegistry
{
    private const BindingFlags Members = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private readonly List<StepDefinitionBinding> _steps = [];
    private readonly List<HookBinding> _hooks = [];
    private readonly List<string> _errors = [];

    private BindingRegistry(IReadOnlyCollection<Type> bindingTypes, IReadOnlyList<Type> listenerTypes)
    {
        BindingTypes = bindingTypes;
        ListenerTypes = listenerTypes;
        var methods = bindingTypes.SelectMany(AllMethods).ToList();

        var transformations = new List<ArgumentTransformation>();
        foreach (var method in methods)
        {
            foreach (var attribute in method.GetCustomAttributes<StepArgumentTransformationAttribute>())
            {
                if (method.ReturnType == typeof(void))
                {
                    _errors.Add($"[StepArgumentTransformation] {method.DeclaringType?.Name}.{method.Name} returns void; it must return the value.");
                    continue;
                }

                transformations.Add(new ArgumentTransformation(method, attribute.Regex, attribute.Name ?? method.ReturnType.Name));
            }
        }

        Converter = new ArgumentConverter(transformations);
        var enumTypes = methods
            .Where(m => m.GetCustomAttributes<StepDefinitionBaseAttribute>().Any())
            .SelectMany(m => m.GetParameters())
            .Select(p => Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType)
            .Where(t => t.IsEnum);
        ParameterTypes = new ParameterTypeRegistry(Converter, enumTypes, _errors);

        foreach (var method in methods)
        {
            foreach (var attribute in method.GetCustomAttributes<StepDefinitionBaseAttribute>())
            {
                try
                {
                    _steps.Add(new StepDefinitionBinding(method, attribute.Keyword, attribute.Expression, ParameterTypes));
                }
                catch (Exception e) when (e is CucumberExpressionException or ArgumentException)
                {
                    _errors.Add($"Step definition {method.DeclaringType?.Name}.{method.Name} has a bad expression \"{attribute.Expression}\": {e.Message}");
                }
            }

            foreach (var attribute in method.GetCustomAttributes<HookAttribute>())
            {
                var runLevel = attribute.Kind is HookKind.BeforeTestRun or HookKind.AfterTestRun or HookKind.BeforeFeature or HookKind.AfterFeature;
                if (runLevel && !method.IsStatic)
                {
                    _errors.Add($"[{attribute.Kind}] {method.DeclaringType?.Name}.{method.Name} must be static (test-run and feature hooks have no scenario to live in).");
                    continue;
                }

                var tags = attribute.Tags.Select(t => t.TrimStart('@')).ToList();
                _hooks.Add(new HookBinding(method, attribute.Kind, tags, attribute.Order));
            }
        }
    }

    /// <summary>The [Binding] classes found.</summary>
    public IReadOnlyCollection<Type> BindingTypes { get; }

    /// <summary>The listener types declared by [assembly: RunListener(typeof(...))].</summary>
    public IReadOnlyList<Type> ListenerTypes { get; }

    public IReadOnlyList<string> Errors => _errors;

    public int StepDefinitionCount => _steps.Count;

    internal ArgumentConverter Converter { get; }

    internal ParameterTypeRegistry ParameterTypes { get; }

    /// <summary>Bindings from the given types (those carrying [Binding]); listeners from their assemblies are not read.</summary>
    public static BindingRegistry FromTypes(IEnumerable<Type> types) =>
        new(types.Where(t => t.GetCustomAttribute<BindingAttribute>() is not null).Distinct().ToList(), []);

    /// <summary>Bindings and listeners from assemblies; <paramref name="include"/> narrows which [Binding] classes count.</summary>
    public static BindingRegistry FromAssemblies(IEnumerable<Assembly> assemblies, Func<Type, bool>? include = null)
    {
        var list = assemblies.Distinct().ToList();
        var types = list.SelectMany(LoadableTypes)
            .Where(t => t.GetCustomAttribute<BindingAttribute>() is not null && (include?.Invoke(t) ?? true))
            .ToList();
        var listeners = list.SelectMany(a => a.GetCustomAttributes<RunListenerAttribute>()).Select(a => a.ListenerType).Distinct().ToList();
        return new BindingRegistry(types, listeners);
    }

    internal IEnumerable<HookBinding> Hooks(HookKind kind, IReadOnlyList<string> tags) =>
        _hooks.Where(h => h.Kind == kind && h.AppliesTo(tags))
            .OrderBy(h => h.Order)
            .ThenBy(h => h.Method.DeclaringType?.FullName, StringComparer.Ordinal)
            .ThenBy(h => h.Method.Name, StringComparer.Ordinal);

    /// <summary>
    /// The steps of <paramref name="scenario"/> that no step definition matches, or more than one does, as
    /// "file:line "step": why" lines; empty when every step binds. Checks without running anything, so
    /// rows a profile skips (the full profile's 100M-message rows in a smoke run) are checked too.
    /// </summary>
    public IReadOnlyList<string> UnboundSteps(ScenarioCase scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var problems = new List<string>();
        foreach (var step in scenario.Steps)
        {
            var match = Match(step);
            if (match.Binding is not null) continue;
            var why = match.Candidates.Count == 0
                ? "no step definition matches"
                : $"{match.Candidates.Count} step definitions match ({string.Join(", ", match.Candidates.Select(c => $"{c.Method.DeclaringType?.Name}.{c.Method.Name}"))})";
            problems.Add($"{scenario.Info.FeatureFile}:{step.Line} \"{step.Echo}\": {why}");
        }
        return problems;
    }

    /// <summary>The step definition of a step as written.</summary>
    internal StepMatch Match(ScenarioStep step) =>
        Match(step.ResolvedKeyword, step.Text, step.BlockArgumentCount);

    internal StepMatch Match(StepKeyword keyword, string text, int extraArguments)
    {
        var matches = _steps
            .Where(s => s.Keyword is null || s.Keyword == keyword)
            .Select(s => (Binding: s, Values: s.Match(text)))
            .Where(m => m.Values is not null)
            .ToList();
        if (matches.Count > 1)
        {
            var fitting = matches.Where(m => m.Binding.Method.GetParameters().Length == m.Values!.Count + extraArguments).ToList();
            if (fitting.Count == 1) matches = fitting;
        }

        return matches.Count == 1
            ? new StepMatch(matches[0].Binding, matches[0].Values!, [matches[0].Binding])
            : new StepMatch(null, [], matches.Select(m => m.Binding).ToList());
    }

    private static IEnumerable<MethodInfo> AllMethods(Type type)
    {
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var method in current.GetMethods(Members)) yield return method;
        }
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
