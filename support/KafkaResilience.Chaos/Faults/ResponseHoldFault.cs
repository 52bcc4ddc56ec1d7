using KafkaResilience.Cluster.Toxiproxy;
using KafkaResilience.Chaos.Targets;

namespace KafkaResilience.Chaos.Faults;

/// <summary>
/// Lost responses (Toxiproxy timeout on the downstream with timeout 0): the broker still receives
/// and writes requests, but its answers are held back until the fault is healed. Clients time out
/// and retry what was already written, which is how a producer without idempotence writes twice.
/// </summary>
public sealed class ResponseHoldFault(BrokerTarget target) : ToxicFault(target)
{
    protected override string Action => "hold back the responses of";

    protected override IEnumerable<ToxicSpec> Toxics(string uniqueSuffix)
    {
        yield return ToxicSpec.Timeout($"chaos-hold-{uniqueSuffix}", 0, ToxicStream.Downstream);
    }
}
