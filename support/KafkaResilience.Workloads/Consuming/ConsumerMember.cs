using Confluent.Kafka;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Consuming;

/// <summary>
/// One consumer of a workload on its own thread: polls, records every record, commits per the
/// commit mode, and records its rebalances. It can be stopped cleanly (commit, leave the group)
/// or crashed (no commit, no leave: the group notices only after session.timeout.ms) and started again.
/// </summary>
internal sealed class ConsumerMember
{
    private readonly ConsumerConfig _config;
    private readonly ConsumerWorkloadOptions _options;
    private readonly IReadOnlyList<int> _assignedPartitions;
    private readonly HistoryLedger _ledger;
    private readonly Action<string>? _log;
    private Thread? _thread;
    private TaskCompletionSource? _exited;
    private volatile int _exitMode; // 0 run, 1 clean stop, 2 crash
    private long _errors;
    private int _assigned;

    /// <summary>Partitions this member holds right now.</summary>
    public int AssignedCount => Volatile.Read(ref _assigned);

    public ConsumerMember(ConsumerConfig config, ConsumerWorkloadOptions options, IReadOnlyList<int> assignedPartitions, ConsumerRecorder recorder, HistoryLedger ledger, Action<string>? log)
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

    public long Errors => Volatile.Read(ref _errors);

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
            catch (Exception e) { exited.TrySetException(e); }
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
        var consumer = new ConsumerBuilder<Ignore, ReceivedPayload>(_config)
            .SetValueDeserializer(new PayloadDeserializer())
            .SetLogHandler((_, m) => { if (m.Level <= SyslogLevel.Warning) Note($"{m.Facility}: {m.Message}"); })
            .SetErrorHandler((_, e) => Note($"error {e.Code}: {e.Reason}"))
            .SetPartitionsAssignedHandler((_, parts) =>
            {
                Interlocked.Add(ref _assigned, parts.Count);
                Recorder.Rebalanced(RebalanceKind.Assigned, Names(parts), _ledger.Now());
            })
            .SetPartitionsRevokedHandler((c, parts) =>
            {
                Interlocked.Add(ref _assigned, -parts.Count);
                Recorder.Rebalanced(RebalanceKind.Revoked, Names(parts.Select(p => p.TopicPartition)), _ledger.Now());
                if (_options.CommitMode == CommitMode.AfterProcessing && _exitMode != 2) TryCommit(c);
            })
            .SetPartitionsLostHandler((_, parts) => Recorder.Rebalanced(RebalanceKind.Lost, Names(parts.Select(p => p.TopicPartition)), _ledger.Now()))
            .Build();
        var crashed = false;
        try
        {
            if (_options.ManualAssignment)
            {
                var start = _options.AutoOffsetReset == "earliest" ? Offset.Beginning : Offset.End;
                var parts = _assignedPartitions.Select(p => new TopicPartitionOffset(_options.Topic, p, start)).ToList();
                consumer.Assign(parts);
                Volatile.Write(ref _assigned, parts.Count);
                Recorder.Rebalanced(RebalanceKind.Assigned, Names(parts.Select(p => p.TopicPartition)), _ledger.Now());
            }
            else consumer.Subscribe(_options.Topic);

            var sinceCommit = 0;
            var timeout = _options.PollTimeout;
            var passes = new PassTracker(_options.Passes);
            while (_exitMode == 0)
            {
                ConsumeResult<Ignore, ReceivedPayload>? result;
                try
                {
                    result = consumer.Consume(timeout);
                }
                catch (ConsumeException e)
                {
                    Note($"consume failed: {e.Error.Code}: {e.Error.Reason}");
                    continue;
                }
                if (result is null) continue;
                if (result.IsPartitionEOF)
                {
                    if (passes.EndOfPass(result.Partition.Value) is { } restartAt)
                        consumer.Seek(new TopicPartitionOffset(_options.Topic, result.Partition, new Offset(restartAt))); // the result carries no topic name (ConsumeResultFields = none)
                    continue;
                }
                var value = result.Message.Value;
                if (passes.Read(result.Partition.Value, result.Offset.Value))
                    Recorder.Consumed(result.Partition.Value, result.Offset.Value, value.Ours, value.Header, value.Length, _ledger.Now());
                else
                    Recorder.Reread(value.Length, _ledger.Now());
                if (_options.CommitMode == CommitMode.AfterProcessing && ++sinceCommit >= _options.CommitEvery && _exitMode != 2)
                {
                    TryCommit(consumer);
                    sinceCommit = 0;
                }
            }
            crashed = _exitMode == 2;
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
            Recorder.Lifecycle(crashed ? "crashed (no commit, no leave)" : "closed", _ledger.Now());
        }
    }

    private void TryCommit(IConsumer<Ignore, ReceivedPayload> consumer)
    {
        try
        {
            consumer.Commit();
        }
        catch (KafkaException e) when (e.Error.Code is ErrorCode.Local_NoOffset)
        {
            // nothing consumed since the last commit
        }
        catch (KafkaException e)
        {
            Note($"commit failed: {e.Error.Code}: {e.Error.Reason}");
        }
    }

    private void Note(string message)
    {
        if (Interlocked.Increment(ref _errors) <= 10)
            _log?.Invoke($"{Recorder.Name}: {message}");
    }

    private static List<string> Names(IEnumerable<TopicPartition> parts) => parts.Select(p => $"{p.Topic}-{p.Partition.Value}").ToList();
}
