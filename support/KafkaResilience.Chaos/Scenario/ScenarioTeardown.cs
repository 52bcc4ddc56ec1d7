namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// The end of every scenario, run once by the after-scenario hook whatever happened, in the reverse order of its set-up:
/// the faults healed (newest first) and their snapshots finished; the workloads stopped (transactional ones, producers,
/// consumers); the report attached from the history, which is whole by then; the cluster disposed last. Every stage
/// runs even when one before it failed; what failed is thrown at the end, together, so a fault that could not be healed
/// or a workload that would not stop fails the scenario with its reason. The container does not dispose the roles
/// (it disposes only what is <see cref="IDisposable"/>), so nothing is torn down twice.
/// </summary>
public sealed class ScenarioTeardown
{
    private readonly ScenarioCluster _cluster;
    private readonly ScenarioProducers _producers;
    private readonly ScenarioConsumers _consumers;
    private readonly ScenarioTransactions _transactions;
    private readonly ScenarioNemesis _nemesis;
    private readonly ScenarioReport _report;
    private int _ran;

    public ScenarioTeardown(ScenarioCluster cluster, ScenarioProducers producers, ScenarioConsumers consumers, ScenarioTransactions transactions,
        ScenarioNemesis nemesis, ScenarioReport report)
    {
        _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
        _producers = producers ?? throw new ArgumentNullException(nameof(producers));
        _consumers = consumers ?? throw new ArgumentNullException(nameof(consumers));
        _transactions = transactions ?? throw new ArgumentNullException(nameof(transactions));
        _nemesis = nemesis ?? throw new ArgumentNullException(nameof(nemesis));
        _report = report ?? throw new ArgumentNullException(nameof(report));
    }

    /// <summary>Tears the scenario down (a second call does nothing); throws what failed, after every stage ran.</summary>
    public async Task RunAsync()
    {
        if (Interlocked.Exchange(ref _ran, 1) == 1) return;
        var errors = new List<Exception>();
        errors.AddRange(await _nemesis.EndAsync().ConfigureAwait(false));
        await StageAsync("stop the transactional producers and the processor", _transactions.StopAsync, errors).ConfigureAwait(false);
        await StageAsync("stop the producers", async () => await _producers.DisposeAsync().ConfigureAwait(false), errors).ConfigureAwait(false);
        await StageAsync("stop the consumers", async () => await _consumers.DisposeAsync().ConfigureAwait(false), errors).ConfigureAwait(false);
        await StageAsync("attach the report", () =>
        {
            _report.Attach();
            return Task.CompletedTask;
        }, errors).ConfigureAwait(false);
        await StageAsync("dispose the cluster", async () => await _cluster.DisposeAsync().ConfigureAwait(false), errors).ConfigureAwait(false);
        if (errors.Count > 0) throw new AggregateException("The scenario's teardown did not end cleanly: " + string.Join("; ", errors.Select(e => e.Message)), errors);
    }

    private static async Task StageAsync(string what, Func<Task> stage, List<Exception> errors)
    {
        try
        {
            await stage().ConfigureAwait(false);
        }
        catch (Exception error)
        {
            errors.Add(new InvalidOperationException($"Could not {what}: {error.Message}", error));
        }
    }
}
