namespace KafkaResilience.Workloads.History.Observations;

/// <summary>The leader of every partition of a topic at one moment (null: no leader), as the cluster described it.</summary>
public sealed record PartitionLeaders(string Topic, IReadOnlyDictionary<int, int?> Leaders)
{
    /// <summary>The partitions <paramref name="broker"/> leads, in order.</summary>
    public IReadOnlyList<int> LedBy(int broker) => [.. Leaders.Where(l => l.Value == broker).Select(l => l.Key).Order()];

    /// <summary>"0->105, 1->106, 2->none".</summary>
    public override string ToString() =>
        string.Join(", ", Leaders.OrderBy(l => l.Key).Select(l => $"{l.Key}->{l.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}"));
}
