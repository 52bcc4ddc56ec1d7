using KafkaResilience.Chaos.Targets;
using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Faults;

/// <summary>
/// The common shape of a fault aimed at one broker: resolve the symbolic target when the fault fires, act; heal only
/// what was injected, once. Whether the target can do it is checked by the nemesis, before anything is done. The fault is recorded once, by whoever
/// injects it (a scenario marks it on its history), not by the fault itself.
/// </summary>
public abstract class BrokerFault : IFault
{
    private readonly object _gate = new();
    private int? _broker;
    private bool _active;

    protected BrokerFault(BrokerTarget target) => Target = target ?? throw new ArgumentNullException(nameof(target));

    /// <summary>The symbolic target, as the feature named it.</summary>
    public BrokerTarget Target { get; }

    /// <summary>What is done to the target, e.g. "kill" (the description is "kill the leader of ...").</summary>
    protected abstract string Action { get; }

    public virtual string Description => $"{Action} {Target.Describe()}";

    public abstract IReadOnlyList<Capability> Requires { get; }

    public bool IsActive
    {
        get { lock (_gate) return _active; }
    }

    public IReadOnlyList<int> ResolvedBrokers
    {
        get { lock (_gate) return _broker is { } b ? [b] : []; }
    }

    /// <summary>The broker the target resolved to; throws before injection.</summary>
    protected int Broker
    {
        get { lock (_gate) return _broker ?? throw new InvalidOperationException($"'{Description}' has not been injected."); }
    }

    public async Task InjectAsync(FaultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        lock (_gate)
        {
            if (_active) throw new InvalidOperationException($"'{Description}' is already active; heal it before injecting it again.");
        }
        var broker = await Target.ResolveAsync(context.Cluster, cancellationToken).ConfigureAwait(false);
        lock (_gate) _broker = broker;
        // Active before acting: a half-done injection is still healed by the nemesis.
        lock (_gate) _active = true;
        try
        {
            await InjectOnAsync(context, broker, cancellationToken).ConfigureAwait(false);
        }
        catch (CapabilityMissingException)
        {
            // The cluster lacks a role or an API the fault needs; InjectOnAsync finds that out before it acts, so there
            // is nothing to heal, and a heal would only fail on the same missing role.
            lock (_gate) _active = false;
            throw;
        }
    }

    public async Task HealAsync(FaultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        int broker;
        lock (_gate)
        {
            if (!_active || _broker is null) return;
            broker = _broker.Value;
        }
        await HealOnAsync(context, broker, cancellationToken).ConfigureAwait(false);
        lock (_gate) _active = false;
    }

    /// <summary>
    /// Acts on the resolved broker. Looks up the cluster roles it needs (<see cref="FaultContext.BrokerFaults"/>, ...)
    /// before it acts, so a <see cref="CapabilityMissingException"/> from it means nothing was done.
    /// </summary>
    protected abstract Task InjectOnAsync(FaultContext context, int brokerId, CancellationToken cancellationToken);

    protected abstract Task HealOnAsync(FaultContext context, int brokerId, CancellationToken cancellationToken);

    public override string ToString() => Description;
}
