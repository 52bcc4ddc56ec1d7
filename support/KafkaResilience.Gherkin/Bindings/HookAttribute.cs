namespace KafkaResilience.Gherkin;

/// <summary>
/// A hook method. Tags (with or without '@') limit it to scenarios or features carrying any of them;
/// lower <see cref="Order"/> runs first (default 10000, as in Reqnroll), for before and after hooks alike.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public abstract class HookAttribute : Attribute
{
    /// <summary>Reqnroll's default hook order.</summary>
    public const int DefaultOrder = 10000;

    protected HookAttribute(HookKind kind, string[] tags)
    {
        Kind = kind;
        Tags = tags;
    }

    public HookKind Kind { get; }

    public IReadOnlyList<string> Tags { get; }

    public int Order { get; set; } = DefaultOrder;
}
