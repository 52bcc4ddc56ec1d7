using System.Reflection;

namespace KafkaResilience.Gherkin;

/// <summary>
/// Per-scenario constructor injection, as Reqnroll's BoDi: any class with a public constructor is built
/// once (its parameters resolved the same way), shared by every binding of the scenario, and disposed in
/// reverse order of creation when the scenario ends.
/// </summary>
internal sealed class ObjectContainer
{
    private readonly Dictionary<Type, object> _instances = [];
    private readonly List<object> _created = [];
    private readonly HashSet<Type> _resolving = [];
    private readonly object _gate = new();

    public ObjectContainer(params object[] registered)
    {
        foreach (var instance in registered) _instances[instance.GetType()] = instance;
    }

    public object Resolve(Type type)
    {
        lock (_gate) return ResolveLocked(type, []);
    }

    /// <summary>Disposes what the container built (IAsyncDisposable first), newest first; returns the failures.</summary>
    public async Task<IReadOnlyList<Exception>> DisposeAsync()
    {
        List<object> created;
        lock (_gate)
        {
            created = [.. _created];
            created.Reverse();
            _created.Clear();
        }

        var errors = new List<Exception>();
        foreach (var instance in created)
        {
            try
            {
                if (instance is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                else if (instance is IDisposable disposable) disposable.Dispose();
            }
            catch (Exception e)
            {
                errors.Add(new InvalidOperationException($"Disposing the scenario's {instance.GetType().Name} failed: {e.Message}", e));
            }
        }

        return errors;
    }

    private object ResolveLocked(Type type, List<Type> chain)
    {
        if (_instances.TryGetValue(type, out var existing)) return existing;
        if (type.IsAbstract || type.IsInterface || type.IsPrimitive || type == typeof(string) || type.IsValueType)
        {
            throw new StepBindingException(
                $"Cannot inject {type.Name}{Via(chain)}: only classes with a public constructor (and ScenarioContext, FeatureContext, TestRunContext) can be injected.");
        }

        if (!_resolving.Add(type))
        {
            throw new StepBindingException($"Cannot inject {type.Name}: its constructors depend on it in a circle ({string.Join(" -> ", chain.Append(type).Select(t => t.Name))}).");
        }

        try
        {
            var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
                .OrderByDescending(c => c.GetParameters().Length)
                .FirstOrDefault()
                ?? throw new StepBindingException($"Cannot inject {type.Name}{Via(chain)}: it has no public constructor.");
            List<Type> next = [.. chain, type];
            var args = constructor.GetParameters().Select(p => ResolveLocked(p.ParameterType, next)).ToArray();
            object instance;
            try
            {
                instance = constructor.Invoke(args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw new StepBindingException($"Constructing {type.Name} for the scenario failed: {e.InnerException.Message}", e.InnerException);
            }

            _instances[type] = instance;
            _created.Add(instance);
            return instance;
        }
        finally
        {
            _resolving.Remove(type);
        }
    }

    private static string Via(List<Type> chain) =>
        chain.Count == 0 ? string.Empty : $" (needed by {string.Join(" <- ", chain.AsEnumerable().Reverse().Select(t => t.Name))})";
}
