using KafkaResilience.Cluster.Toxiproxy;
using KafkaResilience.Chaos.Targets;

namespace KafkaResilience.Chaos.Faults;

/// <summary>A thin pipe (Toxiproxy bandwidth): both directions of the broker's client connections capped at a rate in KB/s.</summary>
public sealed class BandwidthFault : ToxicFault
{
    public BandwidthFault(BrokerTarget target, long kilobytesPerSecond) : base(target)
    {
        if (kilobytesPerSecond < 1) throw new ArgumentOutOfRangeException(nameof(kilobytesPerSecond), kilobytesPerSecond, "The bandwidth cap must be at least 1 KB per second.");
        KilobytesPerSecond = kilobytesPerSecond;
    }

    public long KilobytesPerSecond { get; }

    protected override string Action => "cap";

    public override string Description => $"cap the connections to {Target.Describe()} at {KilobytesPerSecond} KB per second";

    protected override IEnumerable<ToxicSpec> Toxics(string uniqueSuffix)
    {
        yield return ToxicSpec.Bandwidth($"chaos-bandwidth-up-{uniqueSuffix}", KilobytesPerSecond, ToxicStream.Upstream);
        yield return ToxicSpec.Bandwidth($"chaos-bandwidth-down-{uniqueSuffix}", KilobytesPerSecond, ToxicStream.Downstream);
    }
}
