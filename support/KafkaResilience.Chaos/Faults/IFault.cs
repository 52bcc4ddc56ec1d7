using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Faults;

/// <summary>
/// One fault (Jepsen's nemesis operation): injected once, healed once. Its target is symbolic and
/// resolved when it is injected, so "the leader of partition 2" means the leader at that moment.
/// Heal undoes exactly what inject did and is safe to call when nothing was injected or it is
/// already healed, so an after-scenario hook can heal whatever is left, whatever happened.
/// </summary>
public interface IFault
{
    /// <summary>What the fault does, in the feature's words ("kill the leader of partition 0 of \"f\"").</summary>
    string Description { get; }

    /// <summary>What the target must be able to do for this fault; a target without it skips the scenario.</summary>
    IReadOnlyList<Capability> Requires { get; }

    /// <summary>True between a successful <see cref="InjectAsync"/> and its <see cref="HealAsync"/>.</summary>
    bool IsActive { get; }

    /// <summary>The broker(s) the symbolic target resolved to, once injected (for reports and checks).</summary>
    IReadOnlyList<int> ResolvedBrokers { get; }

    Task InjectAsync(FaultContext context, CancellationToken cancellationToken);

    Task HealAsync(FaultContext context, CancellationToken cancellationToken);
}
