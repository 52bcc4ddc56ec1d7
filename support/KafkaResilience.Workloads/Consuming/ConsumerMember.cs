using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.Native;

namespace KafkaResilience.Workloads.Consuming;

/// <summary>
/// One consumer of a workload on its own thread (a librdkafka consumer driven through its C API, see
/// <see cref="NativeConsumer"/>): polls, records every record, commits per the
/// commit mode, and records its rebalances and every offset reset it goes through (with the records
/// the reset skipped, and whether they were below the log start). It can be stopped cleanly (commit,
/// leave the group) or crashed (no commit, no leave: the group notices only after session.timeout.ms)
/// and started again.
/// </summary>
internal sealed class ConsumerMember
{
    private readonly IReadOnlyDictionary<string, string> _config;
    private readonly ConsumerWorkloadOptions _options;
    private readonly IReadOnlyList<int> _assignedPartitions;
    private readonly HistoryLedger _ledger;
    private readonly Action<string>? _log;
    private Thread? _thread;
    private TaskCompletionSource? _exited;
    private volatile int _exitMode; // 0 run, 1 clean stop, 2 crash
    private long _errors;
    private readonly Queue<string> _recentNotes = new();
    private const int RecentNoteCount = 8;
    private int _assigned;

    /// <summary>Partitions this member holds right now.</summary>
    public int AssignedCount => Volatile.Read(ref _assigned);

    /// <summary>
    /// Partitions this member holds and has fetched from at least once: its start offset there is resolved
    /// (a group reading from the end skips what is written before that), so what is written now is read.
    /// </summary>
    public int FetchingCount => Volatile.Read(ref _fetching);

    private int _fetching;

    public ConsumerMember(IReadOnlyDictionary<string, string> config, ConsumerWorkloadOptions options, IReadOnlyList<int> assignedPartitions, ConsumerRecorder recorder, HistoryLedger ledger, Action<string>? log)
    {
        _config = config;
        _options = options;
        _assignedPartitions = assignedPartitions;
        Recorder = recorder;
        _ledger = ledger;
        _log = log;
    }

    public ConsumerRecorder Recorder { get; }

    public bool IsRunning => _exited is { Task.IsCompleted: false };

    /// <summary>Completes when the consumer thread has ended (asked to, by itself at the end, or by a failure).</summary>
    public Task Exited => _exited?.Task ?? Task.CompletedTask;

    public long Errors => Volatile.Read(ref _errors);

    /// <summary>Why the consumer thread ended on its own (an exception), or null while it runs or after a requested exit.</summary>
    public Exception? Failure => _exited is { Task.IsFaulted: true } exited ? exited.Task.Exception?.InnerException : null;

    /// <summary>The last few lines the client reported (warnings, errors; debug lines when asked for), newest last: what a timeout message shows.</summary>
    public IReadOnlyList<string> RecentNotes
    {
        get { lock (_recentNotes) return [.. _recentNotes]; }
    }

    /// <summary>One line on this member's state, for an error message.</summary>
    public string Describe() =>
        $"{Recorder.Name}: {(Failure is { } f ? $"failed ({f.GetType().Name}: {f.Message})" : IsRunning ? "running" : "stopped")}, " +
        $"{AssignedCount} partition(s), {Recorder.ConsumedCount:N0} read" +
        (RecentNotes.Count > 0 ? $", last reported: {string.Join(" | ", RecentNotes)}" : "");

    public void Start(string what)
    {
        if (IsRunning) throw new InvalidOperationException($"{Recorder.Name} is already running.");
        _exitMode = 0;
        _exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var exited = _exited;
        Recorder.Lifecycle(what, _ledger.Now());
        _thread = new Thread(() =>
        {
            try { Loop(); exited.TrySetResult(); }
            catch (Exception e)
            {
                // Said at once: a consumer thread that dies silently looks like a group that never forms.
                _log?.Invoke($"{Recorder.Name}: consumer thread ended by {e.GetType().Name}: {e.Message}");
                Recorder.Lifecycle($"failed ({e.GetType().Name}: {e.Message})", _ledger.Now());
                exited.TrySetException(e);
            }
        }) { IsBackground = true, Name = $"kr-{Recorder.Name}" };
        _thread.Start();
    }

    /// <summary>Asks the thread to exit (clean or crash) and waits for it.</summary>
    public async Task ExitAsync(bool crash, TimeSpan timeout)
    {
        if (_exited is not { } exited) return;
        _exitMode = crash ? 2 : 1;
        try
        {
            await exited.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Recorder.Name} did not {(crash ? "crash" : "stop")} within {timeout.TotalSeconds:0.#}s.");
        }
    }

    private void Loop()
    {
        var topics = new TopicIndexes(_ledger, _options);
        var resets = new OffsetResetWatch(topics.Of);
        var held = new List<(string Topic, int Partition)>(); // changed only on this thread (rebalance handlers run inside a poll)
        NativeConsumer consumer = null!;
        consumer = new NativeConsumer(_config, new NativeConsumerHandlers
        {
            // Warnings and errors are logged; every line (debug ones too, when a "debug" setting asks for them) is kept for a timeout's message.
            Log = (level, facility, message) =>
            {
                if (facility == "OFFSET" && OffsetResetNotice.TryParse(message, out var notice)) resets.Noticed(notice, _ledger.Now());
                if (level <= WarningLevel) Note($"{facility}: {message}"); else Remember($"{facility}: {message}");
            },
            Error = (code, reason) => Note($"error {code}: {reason}"),
            Assigned = parts =>
            {
                Interlocked.Add(ref _assigned, parts.Count);
                held.AddRange(parts);
                Volatile.Write(ref _fetching, -1); // counted again after the next poll
                resets.Forget(parts);
                Recorder.Rebalanced(RebalanceKind.Assigned, Names(parts), _ledger.Now());
            },
            Revoked = parts =>
            {
                Interlocked.Add(ref _assigned, -parts.Count);
                held.RemoveAll(parts.Contains);
                Volatile.Write(ref _fetching, -1);
                resets.Forget(parts);
                Recorder.Rebalanced(RebalanceKind.Revoked, Names(parts), _ledger.Now());
                if (_options.CommitMode == CommitMode.AfterProcessing && _exitMode != 2) TryCommit(consumer);
            },
            Lost = parts =>
            {
                Interlocked.Add(ref _assigned, -parts.Count); // with a lost handler set, the revoked one is not called
                held.RemoveAll(parts.Contains);
                Volatile.Write(ref _fetching, -1);
                resets.Forget(parts);
                Recorder.Rebalanced(RebalanceKind.Lost, Names(parts), _ledger.Now());
            },
        });
        // The client's cached log-start offset of a partition (from its last fetch), asked only when a read is out of order.
        Func<string, int, long> logStart = (topic, partition) => consumer.CachedWatermarks(topic, partition).Low;
        var crashed = false;
        try
        {
            EndTracker? ends = null;
            if (_options.ManualAssignment)
            {
                // A read to the end asks each partition's offsets first: that is where it stops, and the client then
                // knows the leaders, so the assignment starts fetching at once (a partition assigned before its leader
                // is known waits librdkafka's fixed 500 ms offset-query backoff, a large part of a short read).
                if (_options.StopAtEnd) ends = new EndTracker(_assignedPartitions.Select(p => EndsOf(consumer, p)).ToList());
                var start = _options.AutoOffsetReset == "earliest" ? RdKafka.OffsetBeginning : RdKafka.OffsetEnd;
                consumer.Assign(_options.Topic, _assignedPartitions, start);
                held.AddRange(_assignedPartitions.Select(p => (_options.Topic, p)));
                Volatile.Write(ref _fetching, -1);
                Volatile.Write(ref _assigned, _assignedPartitions.Count);
                Recorder.Rebalanced(RebalanceKind.Assigned, Names(held), _ledger.Now());
            }
            else consumer.Subscribe(_options.Topic);

            var sinceCommit = 0;
            var timeout = (int)Math.Clamp(_options.PollTimeout.TotalMilliseconds, 1, int.MaxValue);
            var withTopicName = _options.SubscribesToPattern; // only a pattern subscription needs each record's topic name
            var passes = new PassTracker(_options.Passes);
            var lastFetchCount = 0L;
            while (_exitMode == 0 && ends is not { Done: true })
            {
                var result = consumer.Poll(timeout, withTopicName);
                // Until every held partition has answered a fetch (its cached end offset is known), count them every 20 ms.
                if (_fetching != held.Count && Environment.TickCount64 - lastFetchCount >= 20)
                {
                    lastFetchCount = Environment.TickCount64;
                    Volatile.Write(ref _fetching, held.Count(h => consumer.CachedWatermarks(h.Topic, h.Partition).High >= 0));
                }
                switch (result.Kind)
                {
                    case ConsumedKind.None:
                        continue;
                    case ConsumedKind.Error:
                        Note($"consume failed: {result.Error}");
                        continue;
                    case ConsumedKind.PartitionEof:
                        ends?.EndOfPartition(result.Partition, result.Offset);
                        if (passes.EndOfPass(result.Partition) is { } restartAt)
                            consumer.Seek(_options.Topic, result.Partition, restartAt); // passes go with a manual assignment of one topic
                        continue;
                }
                var topic = topics.Of(result.Topic);
                var now = _ledger.Now();
                if (resets.Read(topic, result.Topic ?? _options.Topic, result.Partition, result.Offset, now, logStart) is { } found)
                    foreach (var reset in found) Record(reset);
                if (passes.Read(result.Partition, result.Offset))
                    Recorder.Consumed(result.Partition, result.Offset, result.Ours, result.Header, result.Length, now, topic);
                else
                    Recorder.Reread(result.Length, now);
                ends?.Read(result.Partition, result.Offset);
                if (_options.CommitMode == CommitMode.AfterProcessing && ++sinceCommit >= _options.CommitEvery && _exitMode != 2)
                {
                    TryCommit(consumer);
                    sinceCommit = 0;
                }
            }
            crashed = _exitMode == 2;
            _reachedEnd = ends is { Done: true };
            if (!crashed)
            {
                if (_options.CommitMode == CommitMode.AfterProcessing) TryCommit(consumer);
                consumer.Close();
            }
        }
        finally
        {
            // Dispose without Close: no final commit, no LeaveGroup (a crash, as the group sees it).
            consumer.Dispose();
            Volatile.Write(ref _assigned, 0);
            Volatile.Write(ref _fetching, 0);
            foreach (var reset in resets.Unfinished()) Record(reset);
            if (resets.DroppedNotices > 0) Note($"{resets.DroppedNotices} offset reset notices were dropped (too many partitions waiting for a record)");
            Recorder.Lifecycle(crashed ? "crashed (no commit, no leave)" : _reachedEnd ? "read to the end offsets it started with; closed" : "closed", _ledger.Now());
        }
    }

    /// <summary>Syslog's warning level: lines at it or more severe are logged, the rest only kept.</summary>
    private const int WarningLevel = 4;

    /// <summary>A partition's log-start and end offsets now, from its leader (the end a read that stops at the end stops at).</summary>
    private (int Partition, long Low, long High) EndsOf(NativeConsumer consumer, int partition)
    {
        var (low, high) = consumer.QueryWatermarks(_options.Topic, partition, EndsTimeout);
        return (partition, low, high);
    }

    private static readonly TimeSpan EndsTimeout = TimeSpan.FromSeconds(30);

    private void Record(DetectedReset reset)
    {
        Recorder.OffsetReset(reset.Partition, reset.From, reset.To, reset.Kind, reset.Reason, reset.Ticks, reset.Topic);
        if (Interlocked.Increment(ref _resetsSaid) <= 5)
            _log?.Invoke($"{Recorder.Name}: offset reset on {_ledger.TopicName(reset.Topic)}-{reset.Partition} from {reset.From:N0} to " +
                $"{(reset.To is { } to ? to.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "nothing read")} ({Said(reset)}): {reset.Reason}");
    }

    private int _resetsSaid;
    private bool _reachedEnd;

    /// <summary>What a reset's skipped records were, in the words every checker uses.</summary>
    private static string Said(DetectedReset reset) => reset.Kind switch
    {
        OffsetResetKind.ToLogStart when reset.To is { } to && to > reset.From =>
            $"{to - reset.From:N0} records {Checkers.LossCauses.SkippedByCluster}",
        OffsetResetKind.ToLogStart => "to the log-start offset",
        OffsetResetKind.ToEnd => "to the end: what lay between was not read",
        _ => "unexplained jump",
    };

    private void TryCommit(NativeConsumer consumer)
    {
        var err = consumer.Commit();
        // NO_OFFSET: nothing consumed since the last commit.
        if (err is not (0 or RdKafka.ErrNoOffset)) Note($"commit failed: {consumer.ErrorName(err)}: {consumer.ErrorText(err)}");
    }

    private void Remember(string message)
    {
        lock (_recentNotes)
        {
            _recentNotes.Enqueue(message);
            while (_recentNotes.Count > RecentNoteCount) _recentNotes.Dequeue();
        }
    }

    private void Note(string message)
    {
        Remember(message);
        if (Interlocked.Increment(ref _errors) <= 10)
            _log?.Invoke($"{Recorder.Name}: {message}");
    }

    private static List<string> Names(IEnumerable<(string Topic, int Partition)> parts) => parts.Select(p => $"{p.Topic}-{p.Partition}").ToList();
}

