using KafkaResilience.Chaos.Faults;
using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos;

/// <summary>
/// Injects faults and remembers every one it injected, so that whatever happens in a scenario
/// <see cref="HealAllAsync"/> (called once, by the after-scenario teardown) heals everything still active, newest
/// first, each heal bounded in time, every failure collected and reported. What the target must be able to do for a
/// fault is checked here, once, before anything is done; every step of a fault's course is told to the listeners
/// (<see cref="IFaultListener"/>), which is how it is recorded.
/// </summary>
public sealed class Nemesis : IAsyncDisposable
{
    /// <summary>How long one heal may take during clean-up before it is abandoned and reported.</summary>
    public static readonly TimeSpan HealTimeout = TimeSpan.FromSeconds(30);

    private readonly object _gate = new();
    private readonly List<IFault> _injected = [];
    private readonly IReadOnlyList<IFaultListener> _listeners;

    public Nemesis(FaultContext context, IEnumerable<IFaultListener>? listeners = null)
    {
        Context = context ?? throw new ArgumentNullException(nameof(context));
        _listeners = [.. listeners ?? []];
    }

    public FaultContext Context { get; }

    /// <summary>Every fault injected so far, in order.</summary>
    public IReadOnlyList<IFault> Faults
    {
        get { lock (_gate) return [.. _injected]; }
    }

    public IReadOnlyList<IFault> Active
    {
        get { lock (_gate) return [.. _injected.Where(f => f.IsActive)]; }
    }

    /// <summary>Injects a fault (its symbolic target resolved now); throws <see cref="CapabilityMissingException"/>, having done nothing, when the target cannot do it.</summary>
    public async Task InjectAsync(IFault fault, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fault);
        FaultRequirements.Check(Context.Cluster, fault.Requires);
        await PublishAsync(FaultEventKind.Injecting, fault, cancellationToken).ConfigureAwait(false);
        lock (_gate) _injected.Add(fault);
        await fault.InjectAsync(Context, cancellationToken).ConfigureAwait(false);
        await PublishAsync(FaultEventKind.Injected, fault, cancellationToken).ConfigureAwait(false);
        if (!fault.IsActive) await PublishAsync(FaultEventKind.Healed, fault, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Heals an active fault (nothing when it is not); a listener's failure is thrown after the heal, never instead of it.</summary>
    public async Task HealAsync(IFault fault, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (!fault.IsActive) return;
        var heard = await HealAndTellAsync(fault, cancellationToken).ConfigureAwait(false);
        if (heard.Count > 0) throw new AggregateException($"'{fault.Description}' was healed, but a listener of its heal failed.", heard);
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

    /// <summary>Heals everything still active, newest first; returns the heals (and listeners of heals) that failed. Never throws.</summary>
    public async Task<IReadOnlyList<Exception>> HealAllAsync()
    {
        var errors = new List<Exception>();
        foreach (var fault in Active.AsEnumerable().Reverse())
        {
            using var timeout = new CancellationTokenSource(HealTimeout);
            try
            {
                errors.AddRange(await HealAndTellAsync(fault, timeout.Token).ConfigureAwait(false));
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

    /// <summary>Heals, telling the listeners before and after; their failures are returned, the heal's own is thrown.</summary>
    private async Task<List<Exception>> HealAndTellAsync(IFault fault, CancellationToken cancellationToken)
    {
        var heard = new List<Exception>();
        await TellAsync(FaultEventKind.Healing, fault, heard, cancellationToken).ConfigureAwait(false);
        await fault.HealAsync(Context, cancellationToken).ConfigureAwait(false);
        await TellAsync(FaultEventKind.Healed, fault, heard, cancellationToken).ConfigureAwait(false);
        return heard;
    }

    private async Task PublishAsync(FaultEventKind kind, IFault fault, CancellationToken cancellationToken)
    {
        var @event = new FaultEvent(kind, fault);
        foreach (var listener in _listeners) await listener.OnFaultAsync(@event, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tells every listener, each one's failure kept (named after the fault) so the others, and the heal, still happen.</summary>
    private async Task TellAsync(FaultEventKind kind, IFault fault, List<Exception> failures, CancellationToken cancellationToken)
    {
        var @event = new FaultEvent(kind, fault);
        foreach (var listener in _listeners)
        {
            try
            {
                await listener.OnFaultAsync(@event, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                failures.Add(new InvalidOperationException($"A listener of '{fault.Description}' ({kind}) failed: {error.Message}", error));
            }
        }
    }
}
