using System.Text.RegularExpressions;
using KafkaResilience.Cluster.Security;
using KafkaResilience.Cluster.Waiting;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.Consuming;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// The scenario's consumers: the settings a feature names, each group as a typed <see cref="ScenarioGroup"/>,
/// and the moments the scenario waits for (a group owns its partitions, a measured read is done, the consumers
/// caught up), plus crashes and restarts. They only record; the judge decides. Injected per scenario; stops
/// every consumer when disposed.
/// </summary>
public sealed class ScenarioConsumers : IAsyncDisposable
{
    /// <summary>
    /// Consumer settings every scenario starts from, on top of the consumer workload's own defaults
    /// (6 s session, 500 ms heartbeat); a feature's own settings win: short fetch waits so idle polls
    /// return quickly, and a short poll interval so a group whose rebalance stalls (a member that never
    /// rejoins) recovers within seconds instead of Kafka's 5 min.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultSettings = new Dictionary<string, string>
    {
        ["fetch.wait.max.ms"] = "100",
        ["max.poll.interval.ms"] = "10000",
        ["socket.timeout.ms"] = "10000",
    };

    /// <summary>How long a group that starts reading may take to own every partition and fetch from each.</summary>
    public static readonly TimeSpan GroupAssignmentTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long nothing new may be read after the producers finished before a catch-up wait ends (at most the wait's timeout).</summary>
    public static readonly TimeSpan CatchUpIdleLimit = TimeSpan.FromSeconds(20);

    private readonly ScenarioCluster _cluster;
    private readonly ScenarioHistory _history;
    private readonly ScenarioProducers _producers;
    private readonly IScenarioScope _scope;
    private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal);
    private readonly List<ScenarioGroup> _groups = [];

    public ScenarioConsumers(ScenarioCluster cluster, ScenarioHistory history, ScenarioProducers producers, IScenarioScope scope)
    {
        _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
        _history = history ?? throw new ArgumentNullException(nameof(history));
        _producers = producers ?? throw new ArgumentNullException(nameof(producers));
        _scope = scope ?? throw new ArgumentNullException(nameof(scope));
    }

    /// <summary>The group started last; a step that needs one before any group read fails saying so.</summary>
    public ScenarioGroup LastGroup
    {
        get { lock (_groups) return _groups.LastOrDefault() ?? throw new InvalidOperationException("No consumer group read anything in this scenario."); }
    }

    /// <summary>True when a group was started.</summary>
    public bool HasGroups
    {
        get { lock (_groups) return _groups.Count > 0; }
    }

    /// <summary>A consumer setting by name; enable.auto.commit and auto.offset.reset become the workload's commit mode and reset.</summary>
    public void SetSetting(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        _settings[name.Trim()] = value.Trim();
    }

    /// <summary>Every setting of a feature's table, in order.</summary>
    public void SetSettings(IEnumerable<(string Name, string Value)> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var (name, value) in settings) SetSetting(name, value);
    }

    /// <summary>The group named <paramref name="name"/>, exactly.</summary>
    public ScenarioGroup Group(string name)
    {
        lock (_groups)
            return _groups.LastOrDefault(g => g.Name == name)
                ?? throw new InvalidOperationException($"No group \"{name}\" is reading in this scenario (groups: {string.Join(", ", _groups.Select(g => g.Name))}).");
    }

    /// <summary>Makes a group known (a group recorded by hand in a unit test, with no workload, is recorded on the history as reading anything).</summary>
    internal void Track(ScenarioGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        lock (_groups)
        {
            if (_groups.Any(g => g.Name == group.Name)) throw new InvalidOperationException($"Group \"{group.Name}\" is already reading.");
            _groups.Add(group);
        }

        if (group.Workload is null) _history.Ledger.AddReader(group.Name, "*");
    }

    /// <summary>
    /// The group a Then step judges: the one named, or, when the step that would have started it was skipped or failed
    /// before it read, a group with no members, whose check the history then calls not judged (with that step and why).
    /// A name no step ever used is an error, as for <see cref="Group"/>.
    /// </summary>
    public ScenarioGroup Judged(string name)
    {
        lock (_groups)
        {
            if (_groups.LastOrDefault(g => g.Name == name) is { } known) return known;
        }

        return _history.Snapshot().WithheldReads.Any(w => w.Group == name) ? new ScenarioGroup(name, [], null, []) : Group(name);
    }

    /// <summary>
    /// Starts a consumer group reading in the background, and returns once it reads: its members own every partition
    /// of what it reads and have fetched from each (<see cref="WaitAssignedAsync"/>, within <see cref="GroupAssignmentTimeout"/>).
    /// What "N consumers in group G are reading T" means: a send that follows is read from its first record, never
    /// during the group's first rebalance (a fast send that starts meanwhile can run ahead of its readers past what the
    /// embedded cluster keeps, and they never catch up).
    /// </summary>
    public async Task<ScenarioGroup> StartReadingAsync(int consumers, string group, string topicReference, CommitMode? commitMode = null,
        IReadOnlyDictionary<string, string>? groupSettings = null)
    {
        var started = StartReading(consumers, group, topicReference, commitMode, groupSettings: groupSettings);
        await WaitAssignedAsync(group, GroupAssignmentTimeout).ConfigureAwait(false);
        return started;
    }

    /// <summary>Starts a consumer group reading in the background (while producers write), without waiting for it.</summary>
    /// <remarks><paramref name="groupSettings"/> are this group's own (its isolation.level, say), over the scenario's.</remarks>
    public ScenarioGroup StartReading(int consumers, string group, string topicReference, CommitMode? commitMode = null, bool splitPartitionsByHand = false, int passes = 1,
        IReadOnlyDictionary<string, string>? groupSettings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        try
        {
            return Start(consumers, group, topicReference, commitMode, splitPartitionsByHand, passes, groupSettings);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A check that needs this group's reads is then not judged, naming this step and why it read nothing.
            _history.Ledger.WithholdRead(new WithheldRead(group, topicReference, _scope.CurrentStep ?? $"group \"{group}\" starts", $"failed before it read: {e.Message}"));
            throw;
        }
    }

    private ScenarioGroup Start(int consumers, string group, string topicReference, CommitMode? commitMode, bool splitPartitionsByHand, int passes,
        IReadOnlyDictionary<string, string>? groupSettings)
    {
        lock (_groups)
        {
            if (_groups.Any(g => g.Name == group)) throw new InvalidOperationException($"Group \"{group}\" is already reading.");
        }
        var topics = _cluster.Topics(topicReference);
        var subscription = topics.Count == 1 && !topicReference.EndsWith('*') ? topics[0].Name : "^" + Regex.Escape(topicReference.TrimEnd('*')) + ".*";
        var settings = new Dictionary<string, string>(_settings, StringComparer.Ordinal);
        foreach (var (name, value) in groupSettings ?? new Dictionary<string, string>()) settings[name] = value;
        var reset = settings.Remove("auto.offset.reset", out var r) ? r : "earliest";
        var mode = commitMode ?? (settings.Remove("enable.auto.commit", out var auto) && auto.Equals("false", StringComparison.OrdinalIgnoreCase)
            ? CommitMode.AfterProcessing : CommitMode.Auto);
        settings.Remove("enable.auto.commit");
        foreach (var (name, value) in DefaultSettings) settings.TryAdd(name, value);
        var options = new ConsumerWorkloadOptions
        {
            Topic = subscription,
            Consumers = consumers,
            GroupId = group,
            CommitMode = mode,
            AutoOffsetReset = reset,
            Settings = settings,
            Name = group,
            ManualAssignment = splitPartitionsByHand,
            Passes = passes,
        };
        var workload = ConsumerWorkload.Start(_cluster.Cluster, options, _history.Ledger, _scope.Say);
        var started = new ScenarioGroup(group, topics, workload, workload.Members);
        Track(started);
        _scope.Say($"Group \"{group}\": {consumers} consumer(s) reading {topicReference}{(splitPartitionsByHand ? " (partitions split by hand: consumer i reads partitions i, i+N, ...)" : " (group subscription)")}, commit {(mode == CommitMode.Auto ? "automatically" : "after processing")}, auto.offset.reset={reset}" +
            (settings.Count > 0 ? $"; settings: {new SecretRedactor().Describe(settings)}" : ""));
        return started;
    }

    /// <summary>
    /// Starts N consumers that split the partitions by hand (consumer i reads partitions i, i+N, ...: what
    /// a group's range assignor gives a stable group, so consumers beyond the partition count get none)
    /// and waits until they have read <paramref name="messages"/> records <paramref name="passes"/> times
    /// (each consumer reads its partitions from the beginning to the end, then again), then stops them
    /// (numbers kept). By hand because a measurement must not include group rebalances: on the embedded
    /// cluster a member joining late starts a second rebalance that the mock stalls for a session timeout.
    /// Several passes make a read of what a small topic holds last long enough to be timed. Returns the group
    /// and how long the read took (null when not within <paramref name="timeout"/>; the consumers keep running).
    /// </summary>
    public async Task<(ScenarioGroup Group, TimeSpan? After)> ReadAllAsync(int consumers, string group, string topic, long messages, TimeSpan timeout, int passes = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(passes, 1);
        var total = messages * passes;
        var reading = StartReading(consumers, group, topic, splitPartitionsByHand: true, passes: passes);
        var after = await ConditionWait.WithinAsync(() => reading.Read >= total, timeout, _scope.Token, TimeSpan.FromMilliseconds(10), _history.Ledger.Clock).ConfigureAwait(false);
        if (after is null) return (reading, null);
        await reading.Workload!.StopAllAsync().ConfigureAwait(false);
        var read = ReadTotals.Of(_history.Snapshot(), reading.MemberNames);
        var what = passes == 1 ? $"{messages:N0} messages" : $"{messages:N0} messages {passes} times ({total:N0} records)";
        _scope.Say($"Group \"{group}\" read {what}: {read.Read:N0} records in {read.Seconds:0.000} s = {read.PerSecond:N0} msg/s; per consumer: " +
            string.Join(", ", reading.Members.Select(m => $"{m.Name} {m.ConsumedCount:N0}")));
        _scope.Say($"Group \"{group}\" rebalances: " + string.Join("; ", Rebalances(reading)
            .Select(e => $"{e.At.TotalSeconds:0.000}s {e.Consumer} {e.Kind} [{string.Join(",", e.Partitions)}]")));
        return (reading, after);
    }

    /// <summary>
    /// Waits until the producers are done and every acknowledged record was read, or until nothing new was
    /// read for <see cref="CatchUpIdleLimit"/> after the producers finished, or the timeout (the workloads' one
    /// catch-up loop). Says how it ended; the judge decides whether that was good enough.
    /// </summary>
    public async Task<CatchUpResult> WaitCaughtUpAsync(TimeSpan timeout)
    {
        ScenarioGroup any;
        lock (_groups) any = _groups.FirstOrDefault(g => g.Workload is not null)
            ?? throw new InvalidOperationException("No consumers are reading: add \"N consumers in group G are reading T\".");
        var idle = timeout < CatchUpIdleLimit ? timeout : CatchUpIdleLimit;
        var result = await any.Workload!.WaitUntilCaughtUpAsync(() => _producers.AllDone, idle, timeout, _scope.Token).ConfigureAwait(false);
        _scope.Say($"Consumers: {result}");
        return result;
    }

    /// <summary>Crashes consumer <paramref name="number"/> (1-based) of a group: no commit, no leave.</summary>
    public async Task CrashAsync(string group, int number)
    {
        await Running(group).CrashAsync(number - 1).ConfigureAwait(false);
        _history.Note($"consumer {number} of group \"{group}\" crashed");
        _scope.Say($"Consumer {number} of group \"{group}\" crashed");
    }

    public void Restart(string group, int number)
    {
        Running(group).Restart(number - 1);
        _history.Note($"consumer {number} of group \"{group}\" restarted");
        _scope.Say($"Consumer {number} of group \"{group}\" restarted");
    }

    /// <summary>Waits until the group's members together own every partition of what they read.</summary>
    public async Task WaitAssignedAsync(string group, TimeSpan timeout)
    {
        var reading = Group(group);
        await ConditionWait.UntilAsync(() => AssignedPartitions(reading).Count >= reading.Partitions, timeout,
            () => $"group \"{group}\" owns {AssignedPartitions(reading).Count} of {reading.Partitions} partitions", _scope.Token, TimeSpan.FromMilliseconds(20)).ConfigureAwait(false);
        // ...and has fetched from each: a group reading from the end skips what is written before its start offsets are known.
        if (reading.Workload is { } workload) await workload.WaitForAssignmentAsync(reading.Partitions, timeout, _scope.Token).ConfigureAwait(false);
        _scope.Say($"Group \"{group}\" owns all {reading.Partitions} partitions");
    }

    /// <summary>Stops every consumer cleanly (numbers kept).</summary>
    public async ValueTask DisposeAsync()
    {
        List<ScenarioGroup> groups;
        lock (_groups) groups = [.. _groups];
        foreach (var group in groups)
            if (group.Workload is not null) await group.Workload.DisposeAsync().ConfigureAwait(false);
    }

    private IEnumerable<RebalanceEvent> Rebalances(ScenarioGroup group) =>
        _history.Snapshot().Rebalances.Where(e => group.MemberNames.Contains(e.Consumer));

    private HashSet<string> AssignedPartitions(ScenarioGroup group)
    {
        var owned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in Rebalances(group))
        {
            if (e.Kind == RebalanceKind.Assigned) owned.UnionWith(e.Partitions);
            else owned.ExceptWith(e.Partitions);
        }
        return owned;
    }

    private ConsumerWorkload Running(string group) =>
        Group(group).Workload ?? throw new InvalidOperationException($"Group \"{group}\" has no running consumers.");
}
