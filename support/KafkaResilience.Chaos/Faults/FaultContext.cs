using KafkaResilience.Chaos.Network;
using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Faults;

/// <summary>
/// What a fault acts on and reports to: the cluster, the Toxiproxy API in front of its brokers (null
/// when the target has none), a probe that says whether a broker is serving clients, where to note what a fault did
/// on the way (the scenario's history), and the clock.
/// </summary>
public sealed class FaultContext
{
    private readonly Action<string> _note;

    public FaultContext(IKafkaCluster cluster, IToxiproxy? toxiproxy, IBrokerProbe probe, Action<string> note, TimeProvider? clock = null)
    {
        Cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
        Toxiproxy = toxiproxy;
        Probe = probe ?? throw new ArgumentNullException(nameof(probe));
        _note = note ?? throw new ArgumentNullException(nameof(note));
        Clock = clock ?? TimeProvider.System;
    }

    public IKafkaCluster Cluster { get; }

    public IToxiproxy? Toxiproxy { get; }

    public IBrokerProbe Probe { get; }

    /// <summary>Notes what the fault did on the way (a broker killed during a rolling restart), on the scenario's history.</summary>
    public void Note(string text) => _note(text);

    public TimeProvider Clock { get; }

    /// <summary>How long a restarted broker may take to serve clients again before a fault gives up.</summary>
    public TimeSpan BrokerReturnTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The Toxiproxy API, or an exception naming the capability reason when the target has none.</summary>
    public IToxiproxy RequireToxiproxy() => Toxiproxy ?? throw new CapabilityMissingException(
        Capability.NetworkToxics,
        Cluster.Capabilities.WhyNot(Capability.NetworkToxics) ?? $"the {Cluster.TargetName} target exposes no Toxiproxy API");
}
