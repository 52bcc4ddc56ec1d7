using KafkaResilience.Chaos.Targets;
using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Faults;

/// <summary>Hard kill (kafkatest's hard_shutdown): connections drop, nothing is flushed. Healed by starting the broker again.</summary>
public sealed class KillBrokerFault(BrokerTarget target) : BrokerFault(target)
{
    protected override string Action => "kill";

    public override IReadOnlyList<Capability> Requires { get; } = [Capability.HardKill];

    protected override Task InjectOnAsync(FaultContext context, int brokerId, CancellationToken cancellationToken) =>
        context.BrokerFaults(Capability.HardKill).KillAsync(brokerId, cancellationToken);

    protected override Task HealOnAsync(FaultContext context, int brokerId, CancellationToken cancellationToken) =>
        context.BrokerFaults(Capability.HardKill).StartAsync(brokerId, cancellationToken);
}
