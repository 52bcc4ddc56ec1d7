using KafkaResilience.Chaos.Network;
using KafkaResilience.Cluster.Toxiproxy;

namespace KafkaResilience.Chaos.Tests.Fakes;

/// <summary>Remembers the toxics on each proxy, like a Toxiproxy server would.</summary>
public sealed class FakeToxiproxy : IToxiproxy
{
    public Dictionary<string, List<ToxicSpec>> Toxics { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, bool> Enabled { get; } = new(StringComparer.Ordinal);

    public Task AddToxicAsync(string proxy, ToxicSpec toxic, CancellationToken cancellationToken)
    {
        if (!Toxics.TryGetValue(proxy, out var list)) Toxics[proxy] = list = [];
        if (list.Any(t => t.Name == toxic.Name)) throw new InvalidOperationException($"toxic {toxic.Name} already exists");
        list.Add(toxic);
        return Task.CompletedTask;
    }

    public Task RemoveToxicAsync(string proxy, string toxicName, CancellationToken cancellationToken)
    {
        if (!Toxics.TryGetValue(proxy, out var list) || list.RemoveAll(t => t.Name == toxicName) == 0)
            throw new InvalidOperationException($"toxic {toxicName} not found on {proxy}");
        return Task.CompletedTask;
    }

    public Task SetEnabledAsync(string proxy, bool enabled, CancellationToken cancellationToken)
    {
        Enabled[proxy] = enabled;
        return Task.CompletedTask;
    }

    public int Count => Toxics.Values.Sum(l => l.Count);
}
