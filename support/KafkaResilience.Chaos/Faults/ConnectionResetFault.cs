using KafkaResilience.Cluster.Toxiproxy;
using KafkaResilience.Chaos.Targets;

namespace KafkaResilience.Chaos.Faults;

/// <summary>Flaky network (Toxiproxy reset_peer): while active, every client connection to the broker is reset (TCP RST) as soon as it sends.</summary>
public sealed class ConnectionResetFault(BrokerTarget target) : ToxicFault(target)
{
    protected override string Action => "reset";

    public override string Description => $"reset the connections to {Target.Describe()}";

    protected override IEnumerable<ToxicSpec> Toxics(string uniqueSuffix)
    {
        yield return ToxicSpec.ResetPeer($"chaos-reset-{uniqueSuffix}", 0, ToxicStream.Upstream);
    }
}
