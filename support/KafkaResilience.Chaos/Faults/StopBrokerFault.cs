using KafkaResilience.Chaos.Targets;
using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Faults;

/// <summary>Clean shutdown (kafkatest's clean_shutdown): leadership is handed over first. Healed by starting the broker again.</summary>
public sealed class StopBrokerFault(BrokerTarget target) : BrokerFault(target)
{
    protected override string Action => "stop cleanly";

    public override IReadOnlyList<Capability> Requires { get; } = [Capability.CleanStop];

    protected override Task InjectOnAsync(FaultContext context, int brokerId, CancellationToken cancellationToken) =>
        context.BrokerFaults(Capability.CleanStop).StopAsync(brokerId, cancellationToken);

    protected override Task HealOnAsync(FaultContext context, int brokerId, CancellationToken cancellationToken) =>
        context.BrokerFaults(Capability.CleanStop).StartAsync(brokerId, cancellationToken);
}
