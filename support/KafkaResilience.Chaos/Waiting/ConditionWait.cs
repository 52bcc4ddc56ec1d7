namespace KafkaResilience.Chaos.Waiting;

/// <summary>
/// kafkatest's <c>wait_until(predicate, timeout_sec, err_msg)</c>: polls a condition until it holds,
/// and throws a <see cref="TimeoutException"/> carrying the failure message (plus the last state the
/// caller describes) when the deadline passes. Every wait in the suite goes through it.
/// </summary>
public static class ConditionWait
{
    /// <summary>Default pause between two checks of the condition.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(20);

    public static async Task UntilAsync(
        Func<CancellationToken, Task<bool>> condition,
        TimeSpan timeout,
        Func<string> failureMessage,
        CancellationToken cancellationToken,
        TimeSpan? interval = null,
        TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(failureMessage);
        if (timeout < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "Timeout must not be negative.");
        clock ??= TimeProvider.System;
        var pause = interval ?? DefaultInterval;
        var started = clock.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await condition(cancellationToken).ConfigureAwait(false)) return;
            if (clock.GetElapsedTime(started) >= timeout)
                throw new TimeoutException($"{failureMessage()} (waited {timeout.TotalSeconds:0.###} s)");
            await Task.Delay(pause, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    public static Task UntilAsync(
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
}
