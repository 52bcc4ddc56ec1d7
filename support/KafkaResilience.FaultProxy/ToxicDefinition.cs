namespace KafkaResilience.FaultProxy;

/// <summary>
/// An active toxic as the API stores it: immutable; an update replaces the instance, which makes
/// live links re-roll toxicity while keeping their per-link state (as Toxiproxy does).
/// </summary>
internal sealed class ToxicDefinition
{
    public ToxicDefinition(string name, ToxicKind kind, StreamDirection stream, float toxicity, long[] attributes)
    {
        Name = name;
        Kind = kind;
        Stream = stream;
        Toxicity = toxicity;
        Attributes = attributes;
    }

    public string Name { get; }

    public ToxicKind Kind { get; }

    public StreamDirection Stream { get; }

    public float Toxicity { get; }

    /// <summary>Attribute values in the order of <see cref="ToxicKinds.AttributeNames"/>.</summary>
    public long[] Attributes { get; }

    public long Attribute(int index) => Attributes[index];
}
