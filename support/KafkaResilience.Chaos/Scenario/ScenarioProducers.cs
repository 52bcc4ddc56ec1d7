using System.Globalization;
using KafkaResilience.Chaos.Vocabulary;
using KafkaResilience.Cluster;
using KafkaResilience.Cluster.Security;
using KafkaResilience.Cluster.Waiting;
using KafkaResilience.Workloads.Producing;
using KafkaResilience.Workloads.Performance;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// The scenario's producers: the settings a feature names, each send as a typed <see cref="ScenarioSend"/>
/// (the current one is the last started), the messages written before the action, and the moments the
/// scenario waits for (a share acknowledged, every message with an outcome). They only record; the judge
/// decides. Injected per scenario; stops every producer when disposed.
/// </summary>
public sealed class ScenarioProducers : IAsyncDisposable
{
    private readonly ScenarioCluster _cluster;
    private readonly ScenarioHistory _history;
    private readonly IScenarioScope _scope;
    private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal);
    private readonly List<ScenarioSend> _sends = [];
    private readonly List<ScenarioSend> _prefills = [];

    public ScenarioProducers(ScenarioCluster cluster, ScenarioHistory history, IScenarioScope scope)
    {
        _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
        _history = history ?? throw new ArgumentNullException(nameof(history));
        _scope = scope ?? throw new ArgumentNullException(nameof(scope));
    }

    /// <summary>The send started last; a step that needs one before any "... sends N messages ..." fails saying so.</summary>
    public ScenarioSend CurrentSend
    {
        get { lock (_sends) return _sends.LastOrDefault() ?? throw new InvalidOperationException("Nothing was sent in this scenario: start a producer first (\"When a producer sends ...\")."); }
    }

    /// <summary>True when a send was started.</summary>
    public bool HasSent
    {
        get { lock (_sends) return _sends.Count > 0; }
    }

    /// <summary>Every batch of messages written before the scenario's action.</summary>
    public IReadOnlyList<ScenarioSend> Prefills
    {
        get { lock (_sends) return [.. _prefills]; }
    }

    /// <summary>True when every producer of the scenario has finished.</summary>
    public bool AllDone
    {
        get { lock (_sends) return _sends.Concat(_prefills).All(s => s.IsCompleted); }
    }

    /// <summary>A producer setting by librdkafka name (Java's buffer.memory is translated by the workload).</summary>
    public void SetSetting(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        _settings[name.Trim()] = value.Trim();
        if (name.Trim() == "buffer.memory")
            _scope.Say($"Producer setting buffer.memory={value} (Java) is sent to librdkafka as queue.buffering.max.kbytes={long.Parse(value, CultureInfo.InvariantCulture) / 1024}");
    }

    /// <summary>Every setting of a feature's table, in order.</summary>
    public void SetSettings(IEnumerable<(string Name, string Value)> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var (name, value) in settings) SetSetting(name, value);
    }

    /// <summary>Starts sending in the background, as a feature says it: who sends, how many messages of what size, where, how fast.</summary>
    public void StartSending(ProducerSetup who, MessageBatch batch, string topicReference, SendPace pace)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(pace);
        StartSending(who.Instances, who.Threads, batch.Count, batch.Size, topicReference, pace.RatePerSecond);
    }

    /// <summary>Starts sending in the background: <paramref name="instances"/> producers, each shared by <paramref name="threads"/> threads.</summary>
    public void StartSending(int instances, int threads, long messages, int size, string topicReference, double ratePerSecond)
    {
        if (messages < 1) throw new ArgumentOutOfRangeException(nameof(messages), messages, "Send at least 1 message.");
        var topics = _cluster.Topics(topicReference);
        int number;
        lock (_sends)
        {
            if (_sends.Any(s => !s.IsCompleted))
                throw new InvalidOperationException("The previous send is still running; wait for it with \"the producer has finished within N seconds\".");
            number = _sends.Count + 1;
        }
        var settings = new Dictionary<string, string>(_settings, StringComparer.Ordinal);
        var perTopic = messages / topics.Count;
        var remainder = messages % topics.Count;
        var options = topics.Select((topic, i) => new ProducerWorkloadOptions
        {
            Topic = topic.Name,
            Instances = instances,
            ThreadsPerInstance = threads,
            MessageCount = perTopic + (i < remainder ? 1 : 0),
            RatePerSecond = ratePerSecond / topics.Count,
            MessageSize = size,
            Settings = settings,
            Name = topics.Count == 1 ? $"send{number}" : $"send{number}-{topic.Name}",
        }).Where(o => o.MessageCount > 0).ToList();
        // One workload per topic, all prepared (created, metadata, connected) before any sends, then
        // started on one clock: the measured send holds no producer's start-up.
        var workloads = ProducerWorkload.StartTogether(_cluster.Cluster, options, _history.Ledger, _scope.Say);
        Track(new ScenarioSend(number, messages, ratePerSecond, size, workloads, [.. workloads.SelectMany(w => w.Streams)]));
        _scope.Say($"Sending {messages:N0} messages of {size} B to {topicReference} " +
            (ratePerSecond > 0 ? $"at {ratePerSecond:N0} msg/s" : "as fast as possible") +
            $" ({instances} producer(s) x {threads} thread(s){(topics.Count > 1 ? $" per topic, {topics.Count} topics" : "")})" +
            (settings.Count > 0 ? $"; settings: {new SecretRedactor().Describe(settings)}" : ""));
    }

    /// <summary>Makes a send the current one (unit tests: a send recorded by hand).</summary>
    internal void Track(ScenarioSend send)
    {
        ArgumentNullException.ThrowIfNull(send);
        lock (_sends) (send.Number == 0 ? _prefills : _sends).Add(send);
    }

    /// <summary>
    /// Waits until this fraction of the current send is acknowledged, or the send finished first; returns how
    /// many acknowledgements the fraction means (the judge then says whether they came).
    /// </summary>
    public async Task<long> WaitAcknowledgedAsync(double fraction)
    {
        if (fraction is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The fraction must be above 0% and at most 100%.");
        var send = CurrentSend;
        var target = (long)Math.Ceiling(send.Planned * fraction);
        await ConditionWait.UntilAsync(() => send.OkCount >= target || send.IsCompleted, Deadline(send, send.Planned * fraction),
            () => $"{fraction:P0} of the messages were not acknowledged in time ({send.OkCount:N0} of {send.Planned:N0})", _scope.Token).ConfigureAwait(false);
        return target;
    }

    /// <summary>Waits for the current send to finish (every message has an outcome); how long that took, or null when not within <paramref name="timeout"/>.</summary>
    public async Task<(TimeSpan? After, string Detail)> WaitFinishedAsync(TimeSpan timeout)
    {
        var send = CurrentSend;
        var clock = _history.Ledger.Clock;
        var started = clock.GetTimestamp();
        try
        {
            await Task.WhenAll(send.Workloads.Select(p => p.WaitAsync(timeout, _scope.Token))).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            return (null, e.Message);
        }
        var detail = $"{send.OkCount:N0} acknowledged, {send.FailedCount:N0} failed, {send.UnknownCount:N0} unknown of {send.SentCount:N0} sent";
        _scope.Say($"Send finished: {detail}");
        _scope.Say("Producer (as kafka-producer-perf-test prints it): " + PerfReport.ProducerLine(_history.Snapshot()));
        return (clock.GetElapsedTime(started), detail);
    }

    /// <summary>
    /// Writes messages before the scenario's action, as fast as possible (whether the target keeps them all until they
    /// are read was decided before the scenario started: <see cref="Fit.ScenarioFit"/>); or, with
    /// <paramref name="pastRetention"/>, writes more than a target with bounded retention keeps, on purpose (a planted
    /// retention loss), which a target that keeps everything cannot show: the scenario is skipped there.
    /// </summary>
    public async Task PrefillAsync(long messages, int size, string topic, bool pastRetention = false)
    {
        var (name, partitions) = _cluster.Topics(topic).Single();
        var cluster = _cluster.Cluster;
        if (pastRetention) PlantPastRetention(messages, size, name, partitions, cluster);
        var options = new ProducerWorkloadOptions
        {
            Topic = name,
            MessageCount = messages,
            MessageSize = size,
            Settings = new Dictionary<string, string> { ["acks"] = "all", ["linger.ms"] = "5" },
            Name = $"prefill-{name}",
        };
        var workload = ProducerWorkload.Start(cluster, options, _history.Ledger, _scope.Say);
        var prefill = new ScenarioSend(0, messages, 0, size, [workload], workload.Streams);
        Track(prefill);
        await workload.WaitAsync(TimeSpan.FromSeconds(60) + TimeSpan.FromSeconds(messages / 20_000.0), _scope.Token).ConfigureAwait(false);
        if (prefill.OkCount != messages)
            throw new InvalidOperationException($"Writing {messages:N0} messages to \"{name}\" first acknowledged only {prefill.OkCount:N0}; the scenario's premise does not hold.");
        _scope.Say($"Wrote {messages:N0} messages of {size} B to \"{name}\" before the scenario's action");
    }

    /// <summary>Skips where nothing can be planted below the log-start offset; refuses a write too small to be sure some is dropped.</summary>
    private void PlantPastRetention(long messages, int size, string name, int partitions, IKafkaCluster cluster)
    {
        var limits = cluster.Capabilities.Limits;
        if (limits.RetainedBytesPerPartition is not { } kept)
        {
            _scope.Skip($"the {cluster.TargetName} target keeps every message written (unbounded retention), so no message can be planted below the log-start offset");
            return;
        }
        var perPartition = messages * (long)(size + Fit.ScenarioFit.RecordOverheadBytes) / partitions;
        if (perPartition <= 2 * kept)
            throw new ArgumentOutOfRangeException(nameof(messages), messages,
                $"{messages:N0} messages of {size} B make ~{perPartition / 1_000_000.0:0.0} MB per partition of \"{name}\": write more than twice the ~{kept / 1_000_000.0:0.0} MB the target keeps to be sure it drops some.");
    }

    /// <summary>Asks every producer to stop sending (outstanding sends still get their outcomes).</summary>
    public void Stop()
    {
        foreach (var workload in AllWorkloads()) workload.Stop();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var workload in AllWorkloads())
        {
            workload.Stop();
            await workload.DisposeAsync().ConfigureAwait(false);
        }
    }

    private List<ProducerWorkload> AllWorkloads()
    {
        lock (_sends) return [.. _prefills.Concat(_sends).SelectMany(s => s.Workloads)];
    }

    private static TimeSpan Deadline(ScenarioSend send, double messages) =>
        TimeSpan.FromSeconds(60) + (send.RatePerSecond > 0 ? TimeSpan.FromSeconds(3 * messages / send.RatePerSecond) : TimeSpan.FromSeconds(messages / 20_000.0));
}
