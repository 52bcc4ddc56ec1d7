using KafkaResilience.Chaos.Targets;
using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Faults;

/// <summary>Cut a broker off from its clients (Jepsen's partition, client side). Healed by reconnecting it.</summary>
public sealed class IsolateBrokerFault(BrokerTarget target) : BrokerFault(target)
{
    protected override string Action => "cut off from its clients";

    public override string Description => $"cut {Target.Describe()} off from its clients";

    public override IReadOnlyList<Capability> Requires { get; } = [Capability.IsolateFromClients];

    protected override Task InjectOnAsync(FaultContext context, int brokerId, CancellationToken cancellationToken) =>
        context.BrokerIsolation(Capability.IsolateFromClients).IsolateAsync(brokerId, cancellationToken);

    protected override Task HealOnAsync(FaultContext context, int brokerId, CancellationToken cancellationToken) =>
        context.BrokerIsolation(Capability.IsolateFromClients).HealAsync(brokerId, cancellationToken);
}
