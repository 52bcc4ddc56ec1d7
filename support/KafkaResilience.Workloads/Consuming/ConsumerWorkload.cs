using KafkaResilience.Cluster;
using KafkaResilience.Cluster.Waiting;
using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.Producing;

namespace KafkaResilience.Workloads.Consuming;

/// <summary>
/// Consumers reading while producers write (Kafka's VerifiableConsumer): N members of a group (or
/// manually assigned readers), a commit mode, auto.offset.reset and fetch settings. Records every
/// record (partition, offset, producer id, sequence, end-to-end latency), every rebalance and
/// per-consumer counts. Members can be crashed and restarted mid-run. It only records.
/// </summary>
public sealed class ConsumerWorkload : IAsyncDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The consumers' session.timeout.ms unless a scenario sets its own: how long a crashed member keeps its partitions
    /// before the group notices. 6 s is the smallest session a real broker accepts (group.min.session.timeout.ms).
    /// </summary>
    public static readonly TimeSpan DefaultSessionTimeout = TimeSpan.FromSeconds(6);

    /// <summary>How often a wait for the group's partitions, or for the reads to stop, looks again.</summary>
    private static readonly TimeSpan AssignmentPollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>How often a catch-up wait compares the counts, and at most how often it scans the ledger for unread acknowledged records.</summary>
    private static readonly TimeSpan CatchUpPollInterval = TimeSpan.FromMilliseconds(50);

    private static readonly TimeSpan CatchUpScanInterval = TimeSpan.FromMilliseconds(500);
    private readonly ConsumerWorkloadOptions _options;
    private readonly HistoryLedger _ledger;
    private readonly Action<string>? _log;
    private readonly List<ConsumerMember> _members = [];

    private ConsumerWorkload(string bootstrapServers, IReadOnlyDictionary<string, string> clientSettings, ConsumerWorkloadOptions options, HistoryLedger ledger, Action<string>? log)
    {
        _options = options;
        _ledger = ledger;
        _log = log;
        GroupId = GroupIdOf(options, ledger);
        // Evidence that this group's reads were gathered, whatever it then reads (a check of loss needs a reader to judge).
        ledger.AddReader(options.Name, ReferenceOf(options.Topic));
        var partitions = options.ManualAssignment
            ? TopicProbe.PartitionCount(bootstrapServers, clientSettings, options.Topic, TimeSpan.FromSeconds(30))
            : 0;
        Probe(Config(bootstrapServers, clientSettings, options, GroupId));
        for (var i = 0; i < options.Consumers; i++)
        {
            var config = Config(bootstrapServers, clientSettings, options, GroupId);
            var mine = Enumerable.Range(0, partitions).Where(p => p % options.Consumers == i).ToList();
            _members.Add(new ConsumerMember(config, options, mine, ledger.AddConsumer($"{options.Name}-{i}"), ledger, log));
        }
        foreach (var m in _members) m.Start("started");
    }

    /// <summary>A subscription as a topic reference: "^prefix.*" (how a "prefix*" reference subscribes) reads as "prefix*", a topic as itself.</summary>
    internal static string ReferenceOf(string subscription) =>
        subscription.StartsWith('^') && subscription.EndsWith(".*", StringComparison.Ordinal)
            ? System.Text.RegularExpressions.Regex.Unescape(subscription[1..^2]) + "*"
            : subscription;

    /// <summary>Validates the options (and the client settings, by building one consumer config) and starts every consumer.</summary>
    public static ConsumerWorkload Start(string bootstrapServers, ConsumerWorkloadOptions options, HistoryLedger ledger,
        IReadOnlyDictionary<string, string>? clientSettings = null, Action<string>? log = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bootstrapServers);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ledger);
        options.Validate();
        return new ConsumerWorkload(bootstrapServers, clientSettings ?? new Dictionary<string, string>(), options, ledger, log);
    }

    /// <summary>
    /// Starts the consumers against a cluster. The group is made known to the cluster first (its
    /// coordinator asked for), so that a target emulating the controller moves the coordinator off a
    /// lost broker: without that, a group whose coordinator dies never joins again.
    /// </summary>
    public static ConsumerWorkload Start(IKafkaCluster cluster, ConsumerWorkloadOptions options, HistoryLedger ledger, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ledger);
        options.Validate();
        RegisterGroup(cluster, GroupIdOf(options, ledger), log);
        return Start(cluster.BootstrapServers, options, ledger, cluster.ClientSettings, log);
    }

    private static string GroupIdOf(ConsumerWorkloadOptions options, HistoryLedger ledger) =>
        options.GroupId ?? $"kafka-resilience-{ledger.RunTag}";

    private static void RegisterGroup(IKafkaCluster cluster, string groupId, Action<string>? log)
    {
        var bound = TimeSpan.FromSeconds(10);
        try
        {
            if (!cluster.GroupCoordinatorAsync(groupId).Wait(bound))
                (log ?? Console.Error.WriteLine)($"Group {groupId}: the cluster did not name its coordinator within {bound.TotalSeconds:0} s; starting the consumers anyway.");
        }
        catch (AggregateException e)
        {
            (log ?? Console.Error.WriteLine)($"Group {groupId}: asking for its coordinator failed ({e.InnerException?.Message}); starting the consumers anyway.");
        }
    }

    public string GroupId { get; }
    public ConsumerWorkloadOptions Options => _options;

    /// <summary>One recorder per consumer (counts survive a crash and restart).</summary>
    public IReadOnlyList<ConsumerRecorder> Members => _members.Select(m => m.Recorder).ToList();

    public bool IsRunning(int consumer) => Member(consumer).IsRunning;

    /// <summary>Crashes a consumer: no commit, no LeaveGroup; its partitions move only after session.timeout.ms.</summary>
    public Task CrashAsync(int consumer) => Member(consumer).ExitAsync(crash: true, ExitTimeout);

    /// <summary>Stops one consumer cleanly (commit per mode, leave the group).</summary>
    public Task StopAsync(int consumer) => Member(consumer).ExitAsync(crash: false, ExitTimeout);

    /// <summary>Starts a crashed or stopped consumer again with the same group and recorder.</summary>
    public void Restart(int consumer) => Member(consumer).Start("restarted");

    /// <summary>Stops every running consumer cleanly.</summary>
    public Task StopAllAsync() => Task.WhenAll(_members.Where(m => m.IsRunning).Select(m => m.ExitAsync(crash: false, ExitTimeout)));

    /// <summary>Partitions held by each consumer right now (0 for an idle or stopped member).</summary>
    public IReadOnlyList<int> AssignedCounts => _members.Select(m => m.AssignedCount).ToList();

    /// <summary>
    /// Waits until the members together hold at least <paramref name="partitions"/> partitions and have fetched
    /// from each (their start offsets resolved): start producing after it, so nothing is read late, and a group
    /// reading from the end (auto.offset.reset=latest) misses nothing written after it.
    /// </summary>
    public async Task WaitForAssignmentAsync(int partitions, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        bool Holds()
        {
            if (_members.All(m => m.Failure is not null))
                throw new InvalidOperationException($"Every consumer of '{_options.Topic}' (group {GroupId}) ended before holding a partition: {DescribeMembers()}", _members[0].Failure);
            return _members.Sum(m => m.AssignedCount) >= partitions && _members.Sum(m => m.FetchingCount) >= partitions;
        }
        await ConditionWait.UntilAsync(Holds, timeout,
            () => $"Consumers of '{_options.Topic}' hold {_members.Sum(m => m.AssignedCount)} of {partitions} partitions " +
                  $"({Math.Max(0, _members.Sum(m => m.FetchingCount))} fetched from) after {timeout.TotalSeconds:0.#}s (group {GroupId}): {DescribeMembers()}",
            cancellationToken, AssignmentPollInterval, _ledger.Clock).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until the producers are done and every acked record has been read; or until nothing
    /// new was read for <paramref name="idleTimeout"/> after the producers finished; or <paramref name="timeout"/>.
    /// Never throws on those ends: the result says which came, the checkers judge.
    /// </summary>
    public async Task<CatchUpResult> WaitUntilCaughtUpAsync(Func<bool> producersDone, TimeSpan idleTimeout, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(producersDone);
        var clock = _ledger.Clock;
        var started = clock.GetTimestamp();
        var lastRead = _ledger.FirstDeliveries;
        var lastProgress = started;
        var lastScan = 0L;
        var ended = CatchUpOutcome.TimedOut;
        bool Ended()
        {
            var now = clock.GetTimestamp();
            var read = _ledger.FirstDeliveries;
            if (read != lastRead) { lastRead = read; lastProgress = now; }
            var done = producersDone();
            // The full scan of the ledger is costly: at most every CatchUpScanInterval, and only once the counts say it may hold.
            if (done && read >= _ledger.OkCount && clock.GetElapsedTime(lastScan, now) > CatchUpScanInterval)
            {
                lastScan = now;
                if (_ledger.CountAckedUnread() == 0) { ended = CatchUpOutcome.CaughtUp; return true; }
            }
            if (done && clock.GetElapsedTime(lastProgress, now) > idleTimeout) { ended = CatchUpOutcome.Idle; return true; }
            return false;
        }
        await ConditionWait.WithinAsync(Ended, timeout, cancellationToken, CatchUpPollInterval, clock).ConfigureAwait(false);
        return Result(ended, started);
    }

    /// <summary>Waits until something was read and then nothing more for <paramref name="idle"/> (reading what a topic holds, as `kcat -C -e` does); returns the records read.</summary>
    public async Task<long> WaitUntilIdleAsync(TimeSpan idle, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var clock = _ledger.Clock;
        var last = -1L;
        var lastProgress = clock.GetTimestamp();
        bool Idle()
        {
            var read = _members.Sum(m => m.Recorder.ConsumedCount);
            if (read != last) { last = read; lastProgress = clock.GetTimestamp(); return false; }
            return read > 0 && clock.GetElapsedTime(lastProgress) > idle;
        }
        await ConditionWait.WithinAsync(Idle, timeout, cancellationToken, AssignmentPollInterval, clock).ConfigureAwait(false);
        return last;
    }

    /// <summary>
    /// With <see cref="ConsumerWorkloadOptions.StopAtEnd"/>: waits until every consumer has read its partitions to
    /// the end offsets it started with and stopped; returns the records read. Throws a consumer's failure, or a
    /// <see cref="TimeoutException"/> saying what each consumer read when <paramref name="timeout"/> passes.
    /// </summary>
    public async Task<long> WaitUntilEndAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (!_options.StopAtEnd)
            throw new InvalidOperationException("WaitUntilEndAsync needs StopAtEnd: otherwise the consumers read until they are stopped.");
        try
        {
            await Task.WhenAll(_members.Select(m => m.Exited)).WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Consumers of '{_options.Topic}' did not read to the end within {timeout.TotalSeconds:0.#}s: {DescribeMembers()}");
        }
        return _members.Sum(m => m.Recorder.ConsumedCount);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAllAsync().ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            _log?.Invoke(e.Message);
        }
    }

    private string DescribeMembers() => string.Join("; ", _members.Select(m => m.Describe()));

    private CatchUpResult Result(CatchUpOutcome outcome, long started) =>
        new(outcome, _ledger.OkCount, _ledger.FirstDeliveries, _ledger.CountAckedUnread(), _ledger.Clock.GetElapsedTime(started));

    private ConsumerMember Member(int consumer) =>
        consumer >= 0 && consumer < _members.Count ? _members[consumer]
            : throw new ArgumentOutOfRangeException(nameof(consumer), consumer, $"Consumers are numbered 0 to {_members.Count - 1}.");

    /// <summary>
    /// Applies every librdkafka setting to a scratch configuration, so unknown names and bad values fail here,
    /// named, not on a consumer thread. (Building a whole consumer just to find out is slow enough to show in a
    /// short read's time; README, "Benchmark".)
    /// </summary>
    private static void Probe(IReadOnlyDictionary<string, string> config)
    {
        var rd = Native.RdKafka.Instance;
        var conf = rd.NewConf();
        try
        {
            foreach (var (name, value) in config)
            {
                if (name.StartsWith("dotnet.", StringComparison.Ordinal)) continue; // Confluent's wrapper's settings, not librdkafka's
                if (rd.Set(conf, name, value) is not { } error) continue;
                var close = error.Code == Native.RdKafka.ConfUnknown
                    ? ClientSettings.CloseMatches(name, rd.PropertyNames().Concat(ClientSettings.Aliases).Where(n => n != name))
                    : [];
                throw new ArgumentException($"Consumer settings refused by the client: {error.Error}" +
                    (close.Count > 0 ? $" Did you mean: {string.Join(", ", close)}?" : ""), nameof(ConsumerWorkloadOptions.Settings));
            }
        }
        finally
        {
            rd.DestroyConf(conf);
        }
    }

    private static Dictionary<string, string> Config(string bootstrapServers, IReadOnlyDictionary<string, string> clientSettings, ConsumerWorkloadOptions options, string groupId)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Low fetch wait: an empty fetch otherwise blocks the whole wait (and the mock answers empty fetches late).
            ["fetch.wait.max.ms"] = "50",
            // A member that joins late can leave a rebalance waiting for the session timeout (seen on the
            // embedded cluster, where a group then held no partitions for most of librdkafka's 45 s default).
            // 6 s is the smallest session a real broker accepts (group.min.session.timeout.ms), so it is valid
            // everywhere.
            ["session.timeout.ms"] = ((int)DefaultSessionTimeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["heartbeat.interval.ms"] = "500",
            // When a partition's local queue holds queued.min.messages (100,000) the fetcher pauses it for
            // fetch.queue.backoff.ms, 1 s by default: a consumer reading a full partition stalls for that
            // backoff in the middle of the read, longer than the rest of a short read. 10 ms keeps the pause short.
            ["fetch.queue.backoff.ms"] = "10",
        };
        foreach (var (k, v) in clientSettings) all[k] = v;
        foreach (var (k, v) in options.Settings) all[k] = v;
        all["bootstrap.servers"] = bootstrapServers;
        all["group.id"] = groupId;
        all["enable.auto.commit"] = options.CommitMode == CommitMode.Auto ? "true" : "false";
        all["auto.offset.reset"] = options.AutoOffsetReset;
        // A measured read of several passes, and a read that stops at the end, learn the end of each partition from the EOF event.
        all["enable.partition.eof"] = options.Passes > 1 || options.StopAtEnd ? "true" : "false";
        return all;
    }
}