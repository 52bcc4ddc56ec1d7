using KafkaResilience.Chaos.Network;
using KafkaResilience.Chaos.Targets;
using KafkaResilience.Cluster;
using KafkaResilience.Cluster.Toxiproxy;

namespace KafkaResilience.Chaos.Faults;

/// <summary>
/// A network fault made of Toxiproxy toxics on the proxy in front of one broker (its client
/// connections). Healed by removing exactly the toxics it added.
/// </summary>
public abstract class ToxicFault : BrokerFault
{
    private readonly List<(string Proxy, string Toxic)> _added = [];

    protected ToxicFault(BrokerTarget target) : base(target)
    {
    }

    public override IReadOnlyList<Capability> Requires { get; } = [Capability.NetworkToxics];

    /// <summary>The toxics to add, named uniquely for this fault instance.</summary>
    protected abstract IEnumerable<ToxicSpec> Toxics(string uniqueSuffix);

    protected override async Task InjectOnAsync(FaultContext context, int brokerId, CancellationToken cancellationToken)
    {
        var toxiproxy = context.RequireToxiproxy();
        var proxy = context.BrokerProxies(Capability.NetworkToxics).ProxyNameOf(brokerId);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        foreach (var toxic in Toxics(suffix))
        {
            toxic.Validate();
            await toxiproxy.AddToxicAsync(proxy, toxic, cancellationToken).ConfigureAwait(false);
            lock (_added) _added.Add((proxy, toxic.Name));
        }
    }

    protected override async Task HealOnAsync(FaultContext context, int brokerId, CancellationToken cancellationToken)
    {
        var toxiproxy = context.RequireToxiproxy();
        (string Proxy, string Toxic)[] added;
        lock (_added) added = [.. _added];
        foreach (var (proxy, toxic) in added)
        {
            await toxiproxy.RemoveToxicAsync(proxy, toxic, cancellationToken).ConfigureAwait(false);
            lock (_added) _added.Remove((proxy, toxic));
        }
    }
}
