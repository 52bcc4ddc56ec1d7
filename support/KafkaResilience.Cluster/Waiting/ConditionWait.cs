namespace KafkaResilience.Cluster.Waiting;

/// <summary>
/// kafkatest's <c>wait_until(predicate, timeout_sec, err_msg)</c>: polls a condition until it holds, on an
/// injected clock, and says how long that took. <see cref="UntilAsync(Func{CancellationToken, Task{bool}}, TimeSpan, Func{string}, CancellationToken, TimeSpan?, TimeProvider?)"/>
/// throws a <see cref="TimeoutException"/> carrying the failure message when the deadline passes;
/// <see cref="WithinAsync(Func{CancellationToken, Task{bool}}, TimeSpan, CancellationToken, TimeSpan?, TimeProvider?)"/>
/// returns null instead, for a wait whose outcome is itself judged. Every wait on a condition goes through it;
/// it lives here, beside the cluster abstraction, so every project that talks to a cluster can use it.
/// </summary>
public static class ConditionWait
{
    /// <summary>Default pause between two checks of the condition.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Waits until <paramref name="condition"/> holds; returns the time it took, or throws <see cref="TimeoutException"/> with the message.</summary>
    public static async Task<TimeSpan> UntilAsync(
        Func<CancellationToken, Task<bool>> condition,
        TimeSpan timeout,
        Func<string> failureMessage,
        CancellationToken cancellationToken,
        TimeSpan? interval = null,
        TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(failureMessage);
        return await WithinAsync(condition, timeout, cancellationToken, interval, clock).ConfigureAwait(false)
            ?? throw new TimeoutException($"{failureMessage()} (waited {timeout.TotalSeconds:0.###} s)");
    }

    public static Task<TimeSpan> UntilAsync(
        Func<bool> condition,
        TimeSpan timeout,
        Func<string> failureMessage,
        CancellationToken cancellationToken,
        TimeSpan? interval = null,
        TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilAsync(_ => Task.FromResult(condition()), timeout, failureMessage, cancellationToken, interval, clock);
    }

    /// <summary>Waits until <paramref name="condition"/> holds; returns the time it took, or null when <paramref name="timeout"/> passed first.</summary>
    public static async Task<TimeSpan?> WithinAsync(
        Func<CancellationToken, Task<bool>> condition,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        TimeSpan? interval = null,
        TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (timeout < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "Timeout must not be negative.");
        if (interval is { } i && i <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), interval, "The polling interval must be positive.");
        clock ??= TimeProvider.System;
        var pause = interval ?? DefaultInterval;
        var started = clock.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await condition(cancellationToken).ConfigureAwait(false)) return clock.GetElapsedTime(started);
            if (clock.GetElapsedTime(started) >= timeout) return null;
            await Task.Delay(pause, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    public static Task<TimeSpan?> WithinAsync(
        Func<bool> condition,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        TimeSpan? interval = null,
        TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return WithinAsync(_ => Task.FromResult(condition()), timeout, cancellationToken, interval, clock);
    }
}
