using KafkaResilience.Targets.Selection;

namespace KafkaResilience.Targets;

/// <summary>
/// The run's one target (held for the whole test run): the target is selected once, by the first who asks (the run's
/// start records it for the report, every scenario uses it), and each scenario's cluster is started on it. An external
/// cluster that did not answer is remembered: every later scenario of the run fails at once with the same answer, never
/// after another wait. Thread-safe.
/// </summary>
public sealed class TargetSession
{
    private readonly KafkaTargetFactory _factory;
    private readonly Lazy<Task<TargetSelection>> _selection;
    private readonly Lock _gate = new();
    private string? _unreachable;
    private int _selections;

    public TargetSession(KafkaTargetFactory factory)
    {
        _factory = factory ?? throw new ArgumentNullException(nameof(factory));
        _selection = new Lazy<Task<TargetSelection>>(SelectOnceAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The session over the process environment and a real Docker probe.</summary>
    public static TargetSession FromEnvironment() => new(KafkaTargetFactory.FromEnvironment());

    /// <summary>How many times the target was selected (probed); one per run, whoever asked.</summary>
    public int Selections => Volatile.Read(ref _selections);

    /// <summary>Which target this run uses, and why (a wrong setting throws, naming the allowed values, to every caller alike).</summary>
    public Task<TargetSelection> SelectAsync(CancellationToken cancellationToken = default) => _selection.Value.WaitAsync(cancellationToken);

    /// <summary>
    /// Starts a scenario's cluster on the run's target: started, unavailable (skip with the reason) or failed (with the
    /// reason). After an external cluster did not answer once, fails at once with that answer.
    /// </summary>
    public async Task<ClusterStartResult> StartAsync(ClusterRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var selection = await SelectAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (_unreachable is { } known) return ClusterStartResult.Failed(selection, known + " (answered once for the whole run: not asked again)");
        }

        var result = await _factory.StartAsync(selection, request, cancellationToken).ConfigureAwait(false);
        if (selection.Kind == TargetKind.External && result.Status == ClusterStartStatus.Failed && result.Reason?.StartsWith(nameof(External.ExternalClusterUnreachableException), StringComparison.Ordinal) == true)
        {
            lock (_gate) _unreachable ??= result.Reason;
        }

        return result;
    }

    private Task<TargetSelection> SelectOnceAsync()
    {
        Interlocked.Increment(ref _selections);
        // Not the first caller's token: one caller giving up must not cancel the selection every other caller waits for.
        return _factory.SelectAsync(CancellationToken.None);
    }
}
