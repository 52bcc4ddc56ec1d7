using KafkaResilience.Chaos.Faults;

namespace KafkaResilience.Chaos;

/// <summary>
/// Injects faults and remembers every one it injected, so that whatever happens in a scenario
/// <see cref="HealAllAsync"/> (called by the after-scenario hook, and on dispose) heals everything
/// still active, newest first, each heal bounded in time, every failure collected and reported.
/// </summary>
public sealed class Nemesis : IAsyncDisposable
{
    /// <summary>How long one heal may take during clean-up before it is abandoned and reported.</summary>
    public static readonly TimeSpan HealTimeout = TimeSpan.FromSeconds(30);

    private readonly object _gate = new();
    private readonly List<IFault> _injected = [];

    public Nemesis(FaultContext context) => Context = context ?? throw new ArgumentNullException(nameof(context));

    public FaultContext Context { get; }

    /// <summary>Called after a fault was injected (e.g. to mark it on the workloads' history).</summary>
    public event Action<IFault>? Injected;

    /// <summary>Called after a fault was healed.</summary>
    public event Action<IFault>? Healed;

    /// <summary>
    /// Awaited right before each heal of an active fault (a report snapshots the cluster while the fault still holds).
    /// It must not throw; if it does, the heal still happens.
    /// </summary>
    public Func<IFault, Task>? BeforeHeal { get; set; }

    /// <summary>Every fault injected so far, in order.</summary>
    public IReadOnlyList<IFault> Faults
    {
        get { lock (_gate) return [.. _injected]; }
    }

    public IReadOnlyList<IFault> Active
    {
        get { lock (_gate) return [.. _injected.Where(f => f.IsActive)]; }
    }

    public async Task InjectAsync(IFault fault, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fault);
        FaultRequirements.Check(Context.Cluster, fault.Requires);
        lock (_gate) _injected.Add(fault);
        await fault.InjectAsync(Context, cancellationToken).ConfigureAwait(false);
        Injected?.Invoke(fault);
        if (!fault.IsActive) Healed?.Invoke(fault);
    }

    public async Task HealAsync(IFault fault, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (!fault.IsActive) return;
        await BeforeHealingAsync(fault).ConfigureAwait(false);
        await fault.HealAsync(Context, cancellationToken).ConfigureAwait(false);
        Healed?.Invoke(fault);
    }

    /// <summary>Injects, keeps the fault for <paramref name="duration"/>, then heals it (also when cancelled).</summary>
    public async Task InjectForAsync(IFault fault, TimeSpan duration, CancellationToken cancellationToken)
    {
        if (duration < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration), duration, "A fault's duration must not be negative.");
        await InjectAsync(fault, cancellationToken).ConfigureAwait(false);
        try
        {
            // The fault's duration is the scenario's schedule, not a wait for a condition.
            await Task.Delay(duration, Context.Clock, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            using var healing = new CancellationTokenSource(HealTimeout);
            await HealAsync(fault, healing.Token).ConfigureAwait(false);
        }
    }

    /// <summary>Heals every active fault touching <paramref name="brokerId"/>; false when none was active.</summary>
    public async Task<bool> HealBrokerAsync(int brokerId, CancellationToken cancellationToken)
    {
        var touching = Active.Where(f => f.ResolvedBrokers.Contains(brokerId)).Reverse().ToList();
        foreach (var fault in touching) await HealAsync(fault, cancellationToken).ConfigureAwait(false);
        return touching.Count > 0;
    }

    /// <summary>Heals everything still active, newest first; returns the heals that failed (never throws).</summary>
    public async Task<IReadOnlyList<Exception>> HealAllAsync()
    {
        var errors = new List<Exception>();
        foreach (var fault in Active.AsEnumerable().Reverse())
        {
            using var timeout = new CancellationTokenSource(HealTimeout);
            try
            {
                await BeforeHealingAsync(fault).ConfigureAwait(false);
                await fault.HealAsync(Context, timeout.Token).ConfigureAwait(false);
                Healed?.Invoke(fault);
            }
            catch (Exception error)
            {
                errors.Add(new InvalidOperationException($"Could not heal '{fault.Description}': {error.Message}", error));
            }
        }
        return errors;
    }

    public async ValueTask DisposeAsync()
    {
        var errors = await HealAllAsync().ConfigureAwait(false);
        if (errors.Count > 0) throw new AggregateException("Some faults could not be healed.", errors);
    }

    private async Task BeforeHealingAsync(IFault fault)
    {
        if (BeforeHeal is not { } hook) return;
        try
        {
            await hook(fault).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Whatever the hook does, the fault is healed.
        }
    }
}
