using KafkaResilience.Cluster.Toxiproxy;
using KafkaResilience.Chaos.Targets;

namespace KafkaResilience.Chaos.Faults;

/// <summary>Slow network (Toxiproxy latency): every response from the broker is delayed by the latency, plus or minus the jitter.</summary>
public sealed class LatencyFault : ToxicFault
{
    public LatencyFault(BrokerTarget target, TimeSpan latency, TimeSpan jitter) : base(target)
    {
        if (latency <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(latency), latency, "Latency must be positive.");
        if (jitter < TimeSpan.Zero || jitter > latency)
            throw new ArgumentOutOfRangeException(nameof(jitter), jitter, "Jitter must be between 0 and the latency.");
        Latency = latency;
        Jitter = jitter;
    }

    public TimeSpan Latency { get; }

    public TimeSpan Jitter { get; }

    protected override string Action => "delay";

    public override string Description => Jitter == TimeSpan.Zero
        ? $"add {Latency.TotalMilliseconds:0} ms of latency to the connections to {Target.Describe()}"
        : $"add {Latency.TotalMilliseconds:0} ms of latency with {Jitter.TotalMilliseconds:0} ms of jitter to the connections to {Target.Describe()}";

    protected override IEnumerable<ToxicSpec> Toxics(string uniqueSuffix)
    {
        yield return ToxicSpec.Latency($"chaos-latency-{uniqueSuffix}", (long)Latency.TotalMilliseconds, (long)Jitter.TotalMilliseconds, ToxicStream.Downstream);
    }
}
