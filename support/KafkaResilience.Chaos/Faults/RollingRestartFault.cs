using KafkaResilience.Cluster.Waiting;
using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Faults;

/// <summary>
/// A rolling restart (kafkatest's rolling bounce): every broker in turn is stopped cleanly (or killed),
/// started, and waited for until it serves clients again before the next one goes, so at most one
/// broker is down at a time. The heal starts any broker the restart left down.
/// </summary>
public sealed class RollingRestartFault(bool hard = false) : IFault
{
    private readonly object _gate = new();
    private readonly HashSet<int> _down = [];
    private readonly List<int> _restarted = [];
    private bool _active;

    public bool Hard { get; } = hard;

    public string Description => Hard ? "restart every broker in turn, hard" : "restart every broker in turn";

    public IReadOnlyList<Capability> Requires { get; } = [hard ? Capability.HardKill : Capability.CleanStop];

    /// <summary>What taking a broker down needs: a kill for a hard restart, a clean stop otherwise.</summary>
    private Capability TakesDown => Hard ? Capability.HardKill : Capability.CleanStop;

    public bool IsActive
    {
        get { lock (_gate) return _active; }
    }

    public IReadOnlyList<int> ResolvedBrokers
    {
        get { lock (_gate) return [.. _restarted]; }
    }

    public async Task InjectAsync(FaultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var brokers = context.BrokerFaults(TakesDown);
        lock (_gate)
        {
            if (_active) throw new InvalidOperationException($"'{Description}' is already active.");
            _active = true;
        }
        foreach (var broker in context.Cluster.BrokerIds)
        {
            lock (_gate) _down.Add(broker);
            if (Hard) await brokers.KillAsync(broker, cancellationToken).ConfigureAwait(false);
            else await brokers.StopAsync(broker, cancellationToken).ConfigureAwait(false);
            context.Note($"broker {broker} {(Hard ? "killed" : "stopped cleanly")} (rolling restart)");
            await ConditionWait.UntilAsync(
                async ct => !await context.Probe.IsServingAsync(broker, ct).ConfigureAwait(false),
                BounceBrokerFault.GoneTimeout, () => $"broker {broker} still served clients after it was stopped (rolling restart)",
                cancellationToken, TimeSpan.FromMilliseconds(50), context.Clock).ConfigureAwait(false);
            await brokers.StartAsync(broker, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _down.Remove(broker);
                _restarted.Add(broker);
            }
            await ConditionWait.UntilAsync(
                ct => context.Probe.IsServingAsync(broker, ct),
                context.BrokerReturnTimeout, () => $"broker {broker} did not serve clients again (rolling restart)",
                cancellationToken, TimeSpan.FromMilliseconds(50), context.Clock).ConfigureAwait(false);
            context.Note($"broker {broker} serves clients again (rolling restart)");
        }
        await HealAsync(context, cancellationToken).ConfigureAwait(false);
    }

    public async Task HealAsync(FaultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        int[] down;
        lock (_gate)
        {
            if (!_active) return;
            down = [.. _down];
        }
        foreach (var broker in down)
        {
            await context.BrokerFaults(TakesDown).StartAsync(broker, cancellationToken).ConfigureAwait(false);
            lock (_gate) _down.Remove(broker);
        }
        lock (_gate) _active = false;
    }

    public override string ToString() => Description;
}
