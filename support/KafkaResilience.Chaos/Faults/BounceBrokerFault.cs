using KafkaResilience.Chaos.Targets;
using KafkaResilience.Cluster.Waiting;
using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Faults;

/// <summary>
/// kafkatest's hard_bounce / clean_bounce: kill (or stop cleanly) a broker, wait until clients no
/// longer see it, start it again and wait until it serves again. The heal starts it if the bounce
/// was interrupted while the broker was down.
/// </summary>
public sealed class BounceBrokerFault(BrokerTarget target, bool hard) : BrokerFault(target)
{
    /// <summary>How long a killed or stopped broker may stay visible to clients before the bounce gives up.</summary>
    public static readonly TimeSpan GoneTimeout = TimeSpan.FromSeconds(15);

    private int _down;

    public bool Hard { get; } = hard;

    protected override string Action => Hard ? "bounce hard" : "bounce cleanly";

    public override IReadOnlyList<Capability> Requires { get; } = [hard ? Capability.HardKill : Capability.CleanStop];

    /// <summary>What taking the broker down needs: a kill for a hard bounce, a clean stop otherwise.</summary>
    private Capability TakesDown => Hard ? Capability.HardKill : Capability.CleanStop;

    protected override async Task InjectOnAsync(FaultContext context, int brokerId, CancellationToken cancellationToken)
    {
        var brokers = context.BrokerFaults(TakesDown);
        if (Hard) await brokers.KillAsync(brokerId, cancellationToken).ConfigureAwait(false);
        else await brokers.StopAsync(brokerId, cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _down, 1);
        context.Note($"broker {brokerId} {(Hard ? "killed" : "stopped cleanly")} ({Action})");
        await ConditionWait.UntilAsync(
            async ct => !await context.Probe.IsServingAsync(brokerId, ct).ConfigureAwait(false),
            GoneTimeout, () => $"broker {brokerId} still served clients after it was {(Hard ? "killed" : "stopped")}",
            cancellationToken, TimeSpan.FromMilliseconds(50), context.Clock).ConfigureAwait(false);
        await brokers.StartAsync(brokerId, cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _down, 0);
        context.Note($"broker {brokerId} started again ({Action})");
        await ConditionWait.UntilAsync(
            ct => context.Probe.IsServingAsync(brokerId, ct),
            context.BrokerReturnTimeout, () => $"broker {brokerId} did not serve clients again after the {Action}",
            cancellationToken, TimeSpan.FromMilliseconds(50), context.Clock).ConfigureAwait(false);
    }

    protected override Task HealOnAsync(FaultContext context, int brokerId, CancellationToken cancellationToken) =>
        Interlocked.Exchange(ref _down, 0) == 1 ? context.BrokerFaults(TakesDown).StartAsync(brokerId, cancellationToken) : Task.CompletedTask;
}
