using System.Globalization;
using KafkaResilience.Chaos.Waiting;
using KafkaResilience.Cluster;
using KafkaResilience.Cluster.Security;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.Consuming;
using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.Producing;

namespace KafkaResilience.Chaos.Scenario;

public sealed partial class ScenarioWorld
{
    private readonly Dictionary<string, string> _producerSettings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _consumerSettings = new(StringComparer.Ordinal);
    private readonly List<ProducerWorkload> _allProducers = [];
    private readonly List<ProducerWorkload> _currentSend = [];
    private readonly Dictionary<string, ConsumerWorkload> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _prefilled = new(StringComparer.Ordinal);
    /// <summary>
    /// Consumer settings every scenario starts from, on top of the consumer workload's own defaults
    /// (6 s session, 500 ms heartbeat); a feature's own settings win: short fetch waits so idle polls
    /// return quickly, and a short poll interval so a group whose rebalance stalls (a member that never
    /// rejoins) recovers within seconds instead of Kafka's 5 min.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultConsumerSettings = new Dictionary<string, string>
    {
        ["fetch.wait.max.ms"] = "100",
        ["max.poll.interval.ms"] = "10000",
        ["socket.timeout.ms"] = "10000",
    };

    private long _currentPlanned;
    private double _currentRate;
    private int _sends;

    /// <summary>A producer setting by librdkafka name (Java's buffer.memory is translated by the workload).</summary>
    public void SetProducerSetting(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _producerSettings[name.Trim()] = value.Trim();
        if (name.Trim() == "buffer.memory")
            Say($"Producer setting buffer.memory={value} (Java) is sent to librdkafka as queue.buffering.max.kbytes={long.Parse(value, CultureInfo.InvariantCulture) / 1024}");
    }

    /// <summary>A consumer setting by name; enable.auto.commit and auto.offset.reset become the workload's commit mode and reset.</summary>
    public void SetConsumerSetting(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _consumerSettings[name.Trim()] = value.Trim();
    }

    /// <summary>Starts sending in the background: <paramref name="instances"/> producers, each shared by <paramref name="threads"/> threads.</summary>
    public void StartSending(int instances, int threads, long messages, int size, string topicReference, double ratePerSecond)
    {
        if (messages < 1) throw new ArgumentOutOfRangeException(nameof(messages), messages, "Send at least 1 message.");
        var topics = Topics(topicReference);
        if (_currentSend.Any(p => !p.IsCompleted))
            throw new InvalidOperationException("The previous send is still running; wait for it with \"the producer has finished within N seconds\".");
        _currentSend.Clear();
        _sends++;
        var settings = new Dictionary<string, string>(_producerSettings, StringComparer.Ordinal);
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
            Name = topics.Count == 1 ? $"send{_sends}" : $"send{_sends}-{topic.Name}",
        }).Where(o => o.MessageCount > 0).ToList();
        // One workload per topic, all prepared (created, metadata, connected) before any sends, then
        // started on one clock: the measured send holds no producer's start-up.
        foreach (var workload in ProducerWorkload.StartTogether(Cluster, options, Ledger, Say))
        {
            _currentSend.Add(workload);
            _allProducers.Add(workload);
        }
        _currentPlanned = messages;
        _currentRate = ratePerSecond;
        Say($"Sending {messages:N0} messages of {size} B to {topicReference} " +
            (ratePerSecond > 0 ? $"at {ratePerSecond:N0} msg/s" : "as fast as possible") +
            $" ({instances} producer(s) x {threads} thread(s){(topics.Count > 1 ? $" per topic, {topics.Count} topics" : "")})" +
            (settings.Count > 0 ? $"; settings: {new SecretRedactor().Describe(settings)}" : ""));
    }

    /// <summary>Waits until this fraction of the current send is acknowledged (a symbolic moment for a fault).</summary>
    public async Task WaitAcknowledgedAsync(double fraction)
    {
        if (fraction is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The fraction must be above 0% and at most 100%.");
        if (_currentSend.Count == 0) throw new InvalidOperationException("Nothing is being sent: start a producer first.");
        var target = (long)Math.Ceiling(_currentPlanned * fraction);
        var timeout = Deadline(_currentPlanned * fraction);
        await ConditionWait.UntilAsync(() => CurrentOk() >= target || _currentSend.All(p => p.IsCompleted), timeout,
            () => $"{fraction:P0} of the messages were not acknowledged in time ({CurrentOk():N0} of {_currentPlanned:N0})", Token).ConfigureAwait(false);
        if (CurrentOk() < target)
            throw new ScenarioVerdictException($"cluster did not recover: the producer finished with only {CurrentOk():N0} of {_currentPlanned:N0} acknowledged, short of {fraction:P0}");
        Say($"{CurrentOk():N0} of {_currentPlanned:N0} messages acknowledged ({fraction:P0} reached)");
    }

    /// <summary>Waits for the current send to finish (every message has an outcome).</summary>
    public async Task WaitSendFinishedAsync(TimeSpan timeout)
    {
        try
        {
            await Task.WhenAll(_currentSend.Select(p => p.WaitAsync(timeout, Token))).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new ScenarioVerdictException($"cluster did not recover: {e.Message}", e);
        }
        var streams = _currentSend.SelectMany(p => p.Streams).ToList();
        Say($"Send finished: {streams.Sum(s => s.OkCount):N0} acknowledged, {streams.Sum(s => s.FailedCount):N0} failed, {streams.Sum(s => s.UnknownCount):N0} unknown of {streams.Sum(s => s.SentCount):N0} sent");
        Say("Producer (as kafka-producer-perf-test prints it): " + ProducerPerfLine());
    }

    /// <summary>Writes messages before the scenario's action, as fast as possible, and checks the target keeps them all.</summary>
    public async Task PrefillAsync(long messages, int size, string topic)
    {
        var (name, partitions) = Topics(topic).Single();
        var perPartition = messages * (long)(size + RecordOverheadBytes) / partitions;
        if (!Cluster.Capabilities.Has(Capability.UnboundedRetention) && perPartition > BoundedRetentionBytesPerPartition)
            _scenario.Skip($"writing {messages:N0} messages of {size} B first needs ~{perPartition / 1_000_000.0:0.0} MB per partition of \"{name}\", " +
                           $"more than the {Cluster.TargetName} target keeps: {Cluster.Capabilities.WhyNot(Capability.UnboundedRetention)}");
        var options = new ProducerWorkloadOptions
        {
            Topic = name,
            MessageCount = messages,
            MessageSize = size,
            Settings = new Dictionary<string, string> { ["acks"] = "all", ["linger.ms"] = "5" },
            Name = $"prefill-{name}",
        };
        var workload = ProducerWorkload.Start(Cluster, options, Ledger, Say);
        _allProducers.Add(workload);
        await workload.WaitAsync(TimeSpan.FromSeconds(60) + TimeSpan.FromSeconds(messages / 20_000.0), Token).ConfigureAwait(false);
        var ok = workload.Streams.Sum(s => s.OkCount);
        if (ok != messages)
            throw new InvalidOperationException($"Writing {messages:N0} messages to \"{name}\" first acknowledged only {ok:N0}; the scenario's premise does not hold.");
        _prefilled[name] = messages;
        Say($"Wrote {messages:N0} messages of {size} B to \"{name}\" before the scenario's action");
    }

    /// <summary>Starts a consumer group reading in the background (while producers write).</summary>
    public void StartReading(int consumers, string group, string topicReference, CommitMode? commitMode = null, bool splitPartitionsByHand = false, int passes = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        if (_groups.ContainsKey(group)) throw new InvalidOperationException($"Group \"{group}\" is already reading.");
        var topics = Topics(topicReference);
        var subscription = topics.Count == 1 && !topicReference.EndsWith('*') ? topics[0].Name : "^" + System.Text.RegularExpressions.Regex.Escape(topicReference.TrimEnd('*')) + ".*";
        var settings = new Dictionary<string, string>(_consumerSettings, StringComparer.Ordinal);
        var reset = settings.Remove("auto.offset.reset", out var r) ? r : "earliest";
        var mode = commitMode ?? (settings.Remove("enable.auto.commit", out var auto) && auto.Equals("false", StringComparison.OrdinalIgnoreCase)
            ? CommitMode.AfterProcessing : CommitMode.Auto);
        settings.Remove("enable.auto.commit");
        foreach (var (name, value) in DefaultConsumerSettings) settings.TryAdd(name, value);
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
        _groups[group] = ConsumerWorkload.Start(Cluster, options, Ledger, Say);
        _lastGroup = group;
        Say($"Group \"{group}\": {consumers} consumer(s) reading {topicReference}{(splitPartitionsByHand ? " (partitions split by hand: consumer i reads partitions i, i+N, ...)" : " (group subscription)")}, commit {(mode == CommitMode.Auto ? "automatically" : "after processing")}, auto.offset.reset={reset}" +
            (settings.Count > 0 ? $"; settings: {new SecretRedactor().Describe(settings)}" : ""));
    }

    /// <summary>
    /// Starts N consumers that split the partitions by hand (consumer i reads partitions i, i+N, ...: what
    /// a group's range assignor gives a stable group, so consumers beyond the partition count get none)
    /// and waits until they have read <paramref name="messages"/> records <paramref name="passes"/> times
    /// (each consumer reads its partitions from the beginning to the end, then again), then stops them
    /// (numbers kept). By hand because a measurement must not include group rebalances: on the embedded
    /// cluster a member joining late starts a second rebalance that the mock stalls for a session timeout.
    /// Several passes make a read of what a small topic holds last long enough to be timed.
    /// </summary>
    public async Task ReadAllAsync(int consumers, string group, string topic, long messages, TimeSpan timeout, int passes = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(passes, 1);
        var total = messages * passes;
        StartReading(consumers, group, topic, splitPartitionsByHand: true, passes: passes);
        var workload = _groups[group];
        var what = passes == 1 ? $"{messages:N0} messages" : $"{messages:N0} messages {passes} times ({total:N0} records)";
        try
        {
            await ConditionWait.UntilAsync(() => workload.Members.Sum(m => m.ConsumedCount) >= total, timeout,
                () => $"group \"{group}\" read {workload.Members.Sum(m => m.ConsumedCount):N0} of {total:N0} records ({what})", Token, TimeSpan.FromMilliseconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            // Records the group found below the log-start offset were dropped by the target, not lost.
            var below = LostChecker.AckedBelowLogStart(Ledger.Snapshot(), c => c.StartsWith(group + "-", StringComparison.Ordinal));
            var read = workload.Members.Sum(m => m.ConsumedCount);
            if (below == 0) throw new ScenarioVerdictException($"messages lost: {e.Message}", e);
            throw new ScenarioVerdictException((read + below >= total ? "verdict unknown: " : "messages lost: ") +
                $"{e.Message}; {below:N0} below the log-start offset when it read (dropped by the target's retention)", e);
        }
        await workload.StopAllAsync().ConfigureAwait(false);
        var (count, seconds, _) = GroupTotals(group);
        Say($"Group \"{group}\" read {what}: {count:N0} records in {seconds:0.000} s = {Rate(count, seconds):N0} msg/s; per consumer: " +
            string.Join(", ", workload.Members.Select(m => $"{m.Name} {m.ConsumedCount:N0}")));
        Say($"Group \"{group}\" rebalances: " + string.Join("; ", Ledger.Snapshot().Rebalances
            .Where(e => e.Consumer.StartsWith(group + "-", StringComparison.Ordinal))
            .Select(e => $"{e.At.TotalSeconds:0.000}s {e.Consumer} {e.Kind} [{string.Join(",", e.Partitions)}]")));
    }

    /// <summary>"read all acknowledged messages": the count is what the producers had acknowledged by now.</summary>
    public Task ReadAllAcknowledgedAsync(int consumers, string group, string topic, TimeSpan timeout) =>
        ReadAllAsync(consumers, group, topic, Ledger.OkCount, timeout);

    /// <summary>
    /// Waits until the producers are done and every acknowledged record was read (counted exactly from the
    /// history's bitmaps), or until nothing new was read for 20 s after the producers finished, or the timeout.
    /// Strict: fails when not every acknowledged record was read; lenient: reports and goes on.
    /// </summary>
    public async Task WaitCaughtUpAsync(TimeSpan timeout, bool strict)
    {
        if (_groups.Count == 0) throw new InvalidOperationException("No consumers are reading: add \"N consumers in group G are reading T\".");
        var idleLimit = TimeSpan.FromSeconds(Math.Min(20, timeout.TotalSeconds));
        var clock = Ledger.Clock;
        var started = clock.GetTimestamp();
        var lastRead = Ledger.ConsumedCount;
        var lastProgress = started;
        string outcome;
        while (true)
        {
            Token.ThrowIfCancellationRequested();
            var now = clock.GetTimestamp();
            var read = Ledger.ConsumedCount;
            if (read != lastRead) { lastRead = read; lastProgress = now; }
            var done = _allProducers.All(p => p.IsCompleted);
            if (done && Ledger.CountAckedUnread() == 0) { outcome = "caught up"; break; }
            if (done && clock.GetElapsedTime(lastProgress, now) > idleLimit) { outcome = $"idle for {idleLimit.TotalSeconds:0} s"; break; }
            if (clock.GetElapsedTime(started, now) > timeout) { outcome = "timed out"; break; }
            // Polling interval of a bounded wait on a condition, not a sleep standing in for one.
            await Task.Delay(TimeSpan.FromMilliseconds(200), Token).ConfigureAwait(false);
        }
        var unread = Ledger.CountAckedUnread();
        // Why the unread were not read, as the lost checker proves it (below the log start: dropped by the target).
        var lost = unread > 0 ? new LostChecker().Check(Ledger.Snapshot()) : null;
        var below = (long)(lost?.Numbers["below-log-start"] ?? 0);
        var summary = $"{outcome} after {clock.GetElapsedTime(started).TotalSeconds:0.0} s: {Ledger.OkCount:N0} acknowledged, {unread:N0} of them not read yet, {Ledger.ConsumedCount:N0} records read" +
                      (below > 0 ? $"; {below:N0} of the unread were below the log-start offset when read (dropped by the target's retention)" : "");
        Say($"Consumers: {summary}");
        if (strict && unread > 0)
            throw new ScenarioVerdictException((below >= unread ? "verdict unknown: " : "messages lost: ") +
                $"the consumers did not read every acknowledged message within {timeout.TotalSeconds:0} s ({summary})");
    }

    /// <summary>Crashes consumer <paramref name="number"/> (1-based) of a group: no commit, no leave.</summary>
    public async Task CrashConsumerAsync(string group, int number)
    {
        await Group(group).CrashAsync(number - 1).ConfigureAwait(false);
        _timeline.Note($"consumer {number} of group \"{group}\" crashed");
        Say($"Consumer {number} of group \"{group}\" crashed");
    }

    public void RestartConsumer(string group, int number)
    {
        Group(group).Restart(number - 1);
        _timeline.Note($"consumer {number} of group \"{group}\" restarted");
        Say($"Consumer {number} of group \"{group}\" restarted");
    }

    /// <summary>Waits until the group's members together own every partition of what they read.</summary>
    public async Task WaitGroupAssignedAsync(string group, TimeSpan timeout)
    {
        var workload = Group(group);
        var topic = workload.Options.Topic;
        var partitions = Topics(workload.Options.SubscribesToPattern ? topic.TrimStart('^').Replace(".*", "*", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal) : topic).Sum(t => t.Partitions);
        await ConditionWait.UntilAsync(() => AssignedPartitions(group).Count >= partitions, timeout,
            () => $"group \"{group}\" owns {AssignedPartitions(group).Count} of {partitions} partitions", Token, TimeSpan.FromMilliseconds(20)).ConfigureAwait(false);
        // ...and has fetched from each: a group reading from the end skips what is written before its start offsets are known.
        await workload.WaitForAssignmentAsync(partitions, timeout, Token).ConfigureAwait(false);
        Say($"Group \"{group}\" owns all {partitions} partitions");
    }

    private HashSet<string> AssignedPartitions(string group)
    {
        var owned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in Ledger.Snapshot().Rebalances.Where(e => e.Consumer.StartsWith(group + "-", StringComparison.Ordinal)))
        {
            if (e.Kind == RebalanceKind.Assigned) owned.UnionWith(e.Partitions);
            else owned.ExceptWith(e.Partitions);
        }
        return owned;
    }

    private ConsumerWorkload Group(string group) => _groups.TryGetValue(group, out var g) ? g
        : throw new InvalidOperationException($"No group \"{group}\" is reading in this scenario (groups: {string.Join(", ", _groups.Keys)}).");

    private long CurrentOk() => _currentSend.Sum(p => p.Streams.Sum(s => s.OkCount));

    private TimeSpan Deadline(double messages) =>
        TimeSpan.FromSeconds(60) + (_currentRate > 0 ? TimeSpan.FromSeconds(3 * messages / _currentRate) : TimeSpan.FromSeconds(messages / 20_000.0));

    /// <summary>Messages, seconds from first to last read, bytes, of one group's members.</summary>
    private (long Messages, double Seconds, long Bytes) GroupTotals(string group)
    {
        var members = Ledger.Snapshot().Consumers.Where(c => c.Name.StartsWith(group + "-", StringComparison.Ordinal) && c.FirstAt is not null).ToList();
        if (members.Count == 0) return (0, 0, 0);
        return (members.Sum(c => c.Consumed), (members.Max(c => c.LastAt!.Value) - members.Min(c => c.FirstAt!.Value)).TotalSeconds, members.Sum(c => c.Bytes));
    }

    private static double Rate(long count, double seconds) => seconds > 0 ? count / seconds : 0;

    private async Task StopWorkloadsAsync()
    {
        foreach (var p in _allProducers) p.Stop();
        foreach (var g in _groups.Values) await g.DisposeAsync().ConfigureAwait(false);
        foreach (var p in _allProducers) await p.DisposeAsync().ConfigureAwait(false);
        _groups.Clear();
        _allProducers.Clear();
    }
}
