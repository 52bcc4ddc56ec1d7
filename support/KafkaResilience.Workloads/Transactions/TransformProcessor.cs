using Confluent.Kafka;
using KafkaResilience.Cluster;
using KafkaResilience.Workloads.Consuming;
using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.Producing;

namespace KafkaResilience.Workloads.Transactions;

/// <summary>
/// A consume-transform-produce processor, as Kafka Streams runs exactly-once: it reads the input topic in a group
/// (read_committed, no automatic commits), writes one output per input record to the output topic and sends the
/// consumed offsets in the same transaction, then commits. It records every input it read (its member's reads), every
/// output with the input it came from, and each transaction's outcome. After an abort or a failed commit it goes back
/// to the group's committed offsets, as a processor must. It can be killed (mid-transaction: outputs flushed, no
/// commit, no close, no leave) and started again: a new client with the same transactional.id and group, which must
/// fence the dead one, abort its open transaction and resume after the last committed one.
/// </summary>
public sealed class TransformProcessor : IAsyncDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(100);
    private readonly TransformProcessorOptions _options;
    private readonly HistoryLedger _ledger;
    private readonly Action<string>? _log;
    private readonly string _bootstrapServers;
    private readonly IReadOnlyDictionary<string, string> _clientSettings;
    private readonly int _outputPartitions;
    private readonly int _inputTopic;
    private readonly List<ProducerRecorder> _outputs = [];
    private Thread? _thread;
    private TaskCompletionSource? _exited;
    private volatile int _exitMode; // 0 run, 1 stop, 2 crash
    private long _crashAt = long.MaxValue;
    private long _processed;
    private long _committedInputs;
    private int _transactions;

    private TransformProcessor(IKafkaCluster cluster, int outputPartitions, TransformProcessorOptions options, HistoryLedger ledger, Action<string>? log)
    {
        _options = options;
        _ledger = ledger;
        _log = log;
        _bootstrapServers = cluster.BootstrapServers;
        _clientSettings = cluster.ClientSettings;
        _outputPartitions = outputPartitions;
        _inputTopic = ledger.TopicIndex(options.InputTopic);
        ledger.TopicIndex(options.OutputTopic);
        Member = ledger.AddConsumer($"{options.Name}-0");
        // Evidence that its input is read (by the processor itself), for the checks that need a reader to judge.
        ledger.AddReader(options.Name, options.InputTopic);
    }

    /// <summary>
    /// Validates the options, makes the group's and the transactional.id's coordinators known where the target must
    /// move them (the embedded controller emulation), reads the output topic's partition count and starts processing.
    /// </summary>
    public static TransformProcessor Start(IKafkaCluster cluster, TransformProcessorOptions options, HistoryLedger ledger, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ledger);
        options.Validate();
        ClientSettings.Validate(options.ProducerSettings);
        var bound = TimeSpan.FromSeconds(10);
        // As a consumer workload does: asking makes the group known to a target that moves coordinators itself; a
        // real cluster that cannot say yet (a group not formed) is no reason not to start.
        try
        {
            if (!cluster.GroupCoordinatorAsync(options.GroupId).Wait(bound))
                log?.Invoke($"Group {options.GroupId}: the cluster did not name its coordinator within {bound.TotalSeconds:0} s; starting the processor anyway.");
        }
        catch (AggregateException e)
        {
            log?.Invoke($"Group {options.GroupId}: asking for its coordinator failed ({e.InnerException?.Message}); starting the processor anyway.");
        }
        if (cluster is ITransactionCoordinators coordinators && !coordinators.TransactionCoordinatorAsync(options.TransactionalId).Wait(bound))
            throw new TimeoutException($"The {cluster.TargetName} target did not name the coordinator of transactional.id {options.TransactionalId} within {bound.TotalSeconds:0} s.");
        TopicProbe.PartitionCount(cluster.BootstrapServers, cluster.ClientSettings, options.InputTopic, TimeSpan.FromSeconds(30));
        var outputs = TopicProbe.PartitionCount(cluster.BootstrapServers, cluster.ClientSettings, options.OutputTopic, TimeSpan.FromSeconds(30));
        var processor = new TransformProcessor(cluster, outputs, options, ledger, log);
        processor.Run("started");
        return processor;
    }

    public TransformProcessorOptions Options => _options;

    /// <summary>The recorder of its consumer (the same across restarts, so its reads add up).</summary>
    public ConsumerRecorder Member { get; }

    /// <summary>Input records it handled (wrote an output for), in every transaction, committed or not.</summary>
    public long Processed => Interlocked.Read(ref _processed);

    /// <summary>Input records whose transaction committed.</summary>
    public long CommittedInputs => Interlocked.Read(ref _committedInputs);

    /// <summary>How many times it was started (1 + restarts).</summary>
    public int Starts
    {
        get { lock (_outputs) return _outputs.Count; }
    }

    public bool IsRunning => _exited is { Task.IsCompleted: false };

    /// <summary>
    /// Kills it once it has handled <paramref name="records"/> input records in all (at once if it already has): in the
    /// middle of a transaction, its outputs so far flushed to the brokers, nothing committed, nothing closed. Returns
    /// when it is dead; throws <see cref="TimeoutException"/> when it does not get there in time.
    /// </summary>
    public async Task KillAfterAsync(long records, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(records, 1);
        var exited = _exited ?? throw new InvalidOperationException($"{_options.Name} was never started.");
        Interlocked.Exchange(ref _crashAt, records);
        try
        {
            await exited.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{_options.Name} had handled {Processed:N0} of the {records:N0} input records it was to be killed after, {timeout.TotalSeconds:0.#} s later.");
        }
        if (_exitMode != 2) throw new InvalidOperationException($"{_options.Name} ended before it could be killed (after {Processed:N0} records).");
    }

    /// <summary>Starts it again after a kill: new clients, the same group and transactional.id.</summary>
    public void Restart()
    {
        if (IsRunning) throw new InvalidOperationException($"{_options.Name} is still running.");
        Interlocked.Exchange(ref _crashAt, long.MaxValue);
        Run("restarted");
    }

    /// <summary>Stops it cleanly: the transaction under way commits, then it leaves the group.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_exited is not { } exited) return;
        if (!exited.Task.IsCompleted) _exitMode = 1;
        try
        {
            await exited.Task.WaitAsync(ExitTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _log?.Invoke($"{_options.Name}: did not stop within {ExitTimeout.TotalSeconds:0} s");
        }
        catch (Exception)
        {
            // its failure was said and recorded when it happened
        }
    }

    private void Run(string what)
    {
        _exitMode = 0;
        ProducerRecorder output;
        lock (_outputs)
        {
            output = _ledger.AddProducer($"{_options.Name}-out{_outputs.Count + 1}", _options.MessageSize, _options.OutputTopic);
            _outputs.Add(output);
        }
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _exited = exited;
        Member.Lifecycle(what, _ledger.Now());
        _thread = new Thread(() =>
        {
            try
            {
                Loop(output);
                exited.TrySetResult();
            }
            catch (Exception e)
            {
                _log?.Invoke($"{_options.Name}: ended by {e.GetType().Name}: {e.Message}");
                Member.Lifecycle($"failed ({e.GetType().Name}: {e.Message})", _ledger.Now());
                exited.TrySetException(e);
            }
        }) { IsBackground = true, Name = $"kr-{_options.Name}" };
        _thread.Start();
    }

    private void Loop(ProducerRecorder output)
    {
        var consumer = NewConsumer();
        var producer = NewProducer();
        var crashed = false;
        try
        {
            producer.InitTransactions(_options.CallTimeout);
            _ledger.Transactions.AddSession(_options.TransactionalId, output.Id, output.Name, _ledger.Now());
            consumer.Subscribe(_options.InputTopic);
            while (_exitMode == 0)
            {
                var batch = NextBatch(consumer);
                if (batch.Count == 0) continue;
                var (ended, fatal) = Transform(consumer, producer, output, batch);
                if (ended == TransactionOutcome.Pending) { crashed = true; break; }
                if (fatal is not null)
                {
                    if (TransactionErrors.IsFenced(fatal))
                        _ledger.Transactions.AddFencing(_options.TransactionalId, output.Id, output.Name, TransactionErrors.Describe(fatal), _ledger.Now());
                    _log?.Invoke($"{_options.Name}: its producer is dead ({TransactionErrors.Describe(fatal)}); it stops");
                    break;
                }
                if (ended != TransactionOutcome.Committed) Rewind(consumer);
            }
            if (!crashed) consumer.Close();
        }
        finally
        {
            // A kill closes nothing: no commit, no abort, no LeaveGroup; the group and the coordinator find out by themselves.
            producer.Dispose();
            consumer.Dispose();
            Member.Lifecycle(crashed ? "killed (mid-transaction: nothing committed, nothing closed)" : "stopped", _ledger.Now());
        }
    }

    /// <summary>Up to <see cref="TransformProcessorOptions.BatchSize"/> records: what arrives within the batch window once one has.</summary>
    private List<ConsumeResult<Ignore, ReceivedPayload>> NextBatch(IConsumer<Ignore, ReceivedPayload> consumer)
    {
        var batch = new List<ConsumeResult<Ignore, ReceivedPayload>>(_options.BatchSize);
        var clock = _ledger.Clock;
        var first = 0L;
        while (batch.Count < _options.BatchSize && _exitMode == 0 && (first == 0 || clock.GetElapsedTime(first) < BatchWindow))
        {
            ConsumeResult<Ignore, ReceivedPayload>? result;
            try
            {
                result = consumer.Consume(TimeSpan.FromMilliseconds(50));
            }
            catch (ConsumeException e)
            {
                _log?.Invoke($"{_options.Name}: consume failed: {e.Error.Code}: {e.Error.Reason}");
                continue;
            }
            if (result is null || result.IsPartitionEOF)
            {
                if (batch.Count > 0) break;
                continue;
            }
            if (first == 0) first = clock.GetTimestamp();
            batch.Add(result);
        }
        return batch;
    }

    /// <summary>One transaction: an output per input, the offsets, the commit. Pending when it was killed in the middle.</summary>
    private (TransactionOutcome Outcome, KafkaException? Fatal) Transform(IConsumer<Ignore, ReceivedPayload> consumer, IProducer<Null, byte[]> producer,
        ProducerRecorder output, List<ConsumeResult<Ignore, ReceivedPayload>> batch)
    {
        var clock = _ledger.Clock;
        var number = Interlocked.Increment(ref _transactions);
        var open = new OpenTransaction($"{_options.Name}#{number}", _options.TransactionalId, output, output.SentCount, batch.Count, _ledger.Elapsed(clock.GetTimestamp()));
        try
        {
            producer.BeginTransaction();
        }
        catch (KafkaException e)
        {
            return End(open, TransactionCalls.Abort(producer, "could not begin: " + TransactionErrors.Describe(e), _options.CallTimeout) with { Fatal = e });
        }
        foreach (var input in batch)
        {
            var ticks = clock.GetTimestamp();
            var value = input.Message.Value;
            Member.Consumed(input.Partition.Value, input.Offset.Value, value.Ours, value.Header, value.Length, ticks, _inputTopic);
            var partition = input.Partition.Value % _outputPartitions;
            var sequence = open.Add(partition, ticks);
            if (value.Ours)
                _ledger.Transactions.AddTransform(new TransformLink(output.Id, sequence, _inputTopic, input.Partition.Value, input.Offset.Value, value.Header.ProducerId, value.Header.Sequence));
            var payload = PayloadFormat.NewBuffer(_options.MessageSize, new PayloadHeader(_ledger.RunTag, output.Id, sequence, ticks));
            try
            {
                producer.Produce(new TopicPartition(_options.OutputTopic, new Partition(partition)), new Message<Null, byte[]> { Value = payload },
                    report => open.Reported(sequence, report.Partition.Value, report.Status == PersistenceStatus.Persisted ? report.Offset.Value : -1));
            }
            catch (KafkaException e)
            {
                open.Refused(sequence);
                var failed = TransactionCalls.Abort(producer, "send failed: " + TransactionErrors.Describe(e), _options.CallTimeout);
                return End(open, TransactionErrors.IsFatal(e) ? failed with { Fatal = e } : failed);
            }
            if (Interlocked.Increment(ref _processed) >= Interlocked.Read(ref _crashAt))
            {
                // Killed here, mid-transaction: what it wrote reaches the brokers, the commit never comes.
                producer.Flush(_options.CallTimeout);
                _exitMode = 2;
                End(open, (TransactionOutcome.Aborted, null, "killed before its commit", null));
                return (TransactionOutcome.Pending, null);
            }
        }
        var offsets = batch.GroupBy(b => b.TopicPartition).Select(g => new TopicPartitionOffset(g.Key, g.Max(b => b.Offset.Value) + 1)).ToList();
        try
        {
            producer.SendOffsetsToTransaction(offsets, consumer.ConsumerGroupMetadata, _options.CallTimeout);
        }
        catch (KafkaException e)
        {
            var failed = TransactionCalls.Abort(producer, "sending the offsets failed: " + TransactionErrors.Describe(e), _options.CallTimeout);
            return End(open, TransactionErrors.IsFatal(e) ? failed with { Fatal = e } : failed);
        }
        var committed = TransactionCalls.Commit(producer, _ledger.Elapsed(clock.GetTimestamp()), _options.CallTimeout, $"{_options.Name}: {open.Id}", _log);
        if (committed.Outcome == TransactionOutcome.Committed) Interlocked.Add(ref _committedInputs, batch.Count);
        return End(open, committed);
    }

    private (TransactionOutcome, KafkaException?) End(OpenTransaction open, (TransactionOutcome Outcome, TimeSpan? CommitCalledAt, string? Note, KafkaException? Fatal) ended)
    {
        open.WaitReported(ended.Fatal is null ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(1));
        open.End(_ledger.Transactions, ended.Outcome, ended.CommitCalledAt, _ledger.Now(), _ledger, ended.Note);
        return (ended.Outcome, ended.Fatal);
    }

    /// <summary>After a transaction that did not commit: back to the group's committed offsets (the start, where there are none).</summary>
    private void Rewind(IConsumer<Ignore, ReceivedPayload> consumer)
    {
        try
        {
            foreach (var committed in consumer.Committed(consumer.Assignment, _options.CallTimeout))
                consumer.Seek(committed.Offset == Offset.Unset ? new TopicPartitionOffset(committed.TopicPartition, Offset.Beginning) : committed);
        }
        catch (KafkaException e)
        {
            _log?.Invoke($"{_options.Name}: could not go back to the committed offsets ({e.Error.Code}: {e.Error.Reason})");
        }
    }

    private IConsumer<Ignore, ReceivedPayload> NewConsumer()
    {
        var settings = new Dictionary<string, string>(_clientSettings, StringComparer.Ordinal)
        {
            ["session.timeout.ms"] = ((int)ConsumerWorkload.DefaultSessionTimeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["heartbeat.interval.ms"] = "500",
            ["fetch.wait.max.ms"] = "100",
        };
        foreach (var (name, value) in _options.ConsumerSettings) settings[name] = value;
        settings["bootstrap.servers"] = _bootstrapServers;
        settings["group.id"] = _options.GroupId;
        settings["enable.auto.commit"] = "false";
        settings["isolation.level"] = "read_committed";
        settings.TryAdd("auto.offset.reset", "earliest");
        return new ConsumerBuilder<Ignore, ReceivedPayload>(settings)
            .SetValueDeserializer(new PayloadDeserializer())
            .SetPartitionsAssignedHandler((_, parts) => Member.Rebalanced(RebalanceKind.Assigned, [.. parts.Select(p => $"{p.Topic}-{p.Partition.Value}")], _ledger.Now()))
            .SetPartitionsRevokedHandler((_, parts) => Member.Rebalanced(RebalanceKind.Revoked, [.. parts.Select(p => $"{p.Topic}-{p.Partition.Value}")], _ledger.Now()))
            .SetLogHandler((_, m) =>
            {
                if (m.Level <= SyslogLevel.Error) _log?.Invoke($"{Member.Name}: {m.Facility}: {m.Message}");
            })
            .Build();
    }

    private IProducer<Null, byte[]> NewProducer()
    {
        var settings = new Dictionary<string, string>(_clientSettings, StringComparer.Ordinal);
        foreach (var (name, value) in _options.ProducerSettings) settings[name] = value;
        settings.TryAdd("linger.ms", "5");
        settings["bootstrap.servers"] = _bootstrapServers;
        settings["transactional.id"] = _options.TransactionalId;
        settings["enable.idempotence"] = "true";
        return new ProducerBuilder<Null, byte[]>(settings)
            .SetLogHandler((_, m) =>
            {
                if (m.Level <= SyslogLevel.Error) _log?.Invoke($"{_options.Name}: {m.Facility}: {m.Message}");
            })
            .Build();
    }
}
