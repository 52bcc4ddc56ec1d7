namespace KafkaResilience.FaultProxy;

/// <summary>
/// The toxics of one direction of one proxy, in the order they were added. Immutable: a change
/// publishes a new chain and cancels <see cref="Superseded"/> so waiting toxics stop at once.
/// </summary>
internal sealed class ToxicChain
{
    private readonly CancellationTokenSource superseded = new();

    public ToxicChain(IReadOnlyList<ToxicDefinition> toxics, long version)
    {
        Toxics = toxics;
        Version = version;
    }

    public static ToxicChain Empty { get; } = new([], 0);

    public IReadOnlyList<ToxicDefinition> Toxics { get; }

    public long Version { get; }

    public bool IsEmpty => Toxics.Count == 0;

    public CancellationToken Superseded => superseded.Token;

    public void MarkSuperseded()
    {
        if (!ReferenceEquals(this, Empty))
        {
            superseded.Cancel();
        }
    }
}
