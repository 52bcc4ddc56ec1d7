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

    /// <summary>The cluster's broker lifecycle (kill, stop, start, pause, resume), or a skip naming <paramref name="capability"/> and the target when it has none.</summary>
    public IBrokerFaults BrokerFaults(Capability capability) =>
        Cluster as IBrokerFaults ?? throw Missing(capability, "kill, stop, start or pause its brokers");

    /// <summary>The cluster's isolation of a broker, or a skip naming <paramref name="capability"/> and the target when it has none.</summary>
    public IBrokerIsolation BrokerIsolation(Capability capability) =>
        Cluster as IBrokerIsolation ?? throw Missing(capability, "cut a broker off");

    /// <summary>The Toxiproxy proxies in front of the cluster's brokers, or a skip naming <paramref name="capability"/> and the target when it has none.</summary>
    public IBrokerProxies BrokerProxies(Capability capability) =>
        Cluster as IBrokerProxies ?? throw Missing(capability, "put its brokers behind Toxiproxy");

    /// <summary>The Toxiproxy API, or an exception naming the capability reason when the target has none.</summary>
    public IToxiproxy RequireToxiproxy() => Toxiproxy ?? throw new CapabilityMissingException(
        Capability.NetworkToxics,
        Cluster.Capabilities.WhyNot(Capability.NetworkToxics) ?? $"the {Cluster.TargetName} target exposes no Toxiproxy API");

    // Worded as FaultRequirements words a missing capability: a role the type lacks is the same skip, with the same reason when the target gives one.
    private CapabilityMissingException Missing(Capability capability, string what) => new(
        capability,
        $"{Cluster.TargetName} target cannot do this ({capability}): {Cluster.Capabilities.WhyNot(capability) ?? $"it cannot {what}"}");
}
