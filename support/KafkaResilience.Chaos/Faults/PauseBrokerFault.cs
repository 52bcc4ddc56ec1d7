using KafkaResilience.Chaos.Targets;
using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Faults;

/// <summary>Freeze (Jepsen's pause, SIGSTOP): connections stay open, nothing is answered. Healed by resuming.</summary>
public sealed class PauseBrokerFault(BrokerTarget target) : BrokerFault(target)
{
    protected override string Action => "pause";

    public override IReadOnlyList<Capability> Requires { get; } = [Capability.Pause];

    protected override Task InjectOnAsync(FaultContext context, int brokerId, CancellationToken cancellationToken) =>
        context.BrokerFaults(Capability.Pause).PauseAsync(brokerId, cancellationToken);

    protected override Task HealOnAsync(FaultContext context, int brokerId, CancellationToken cancellationToken) =>
        context.BrokerFaults(Capability.Pause).ResumeAsync(brokerId, cancellationToken);
}
