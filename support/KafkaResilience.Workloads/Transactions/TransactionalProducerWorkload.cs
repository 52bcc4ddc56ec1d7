using Confluent.Kafka;
using KafkaResilience.Cluster;
using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.Producing;

namespace KafkaResilience.Workloads.Transactions;

/// <summary>
/// A transactional producer (Kafka's TransactionalMessageCopier, Jepsen's transactional client): one client with a
/// transactional.id writes its messages in transactions of a fixed size spread over the topic's partitions, at a
/// rate, aborting every Nth on purpose. It only records: each message's send, each transaction's outcome (committed
/// when the commit call returned ok, aborted when it was never asked to commit, unknown when the commit call failed)
/// and where its messages were written, each InitTransactions and each fence. Abortable errors abort the transaction
/// and go on; a fence stops it (or, if asked, a new client takes the id back); other fatal errors replace the client.
/// </summary>
public sealed class TransactionalProducerWorkload : IAsyncDisposable
{
    private static readonly TimeSpan ReportWait = TimeSpan.FromSeconds(10);
    private readonly TransactionalProducerOptions _options;
    private readonly HistoryLedger _ledger;
    private readonly Action<string>? _log;
    private readonly string _bootstrapServers;
    private readonly IReadOnlyDictionary<string, string> _clientSettings;
    private readonly int _spread;
    private readonly ManualResetEventSlim _stopSignal = new(false);
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _committedMessages;
    private int _transactions;
    private int _fatalCode;

    private TransactionalProducerWorkload(string bootstrapServers, IReadOnlyDictionary<string, string> clientSettings, int partitions,
        TransactionalProducerOptions options, HistoryLedger ledger, Action<string>? log)
    {
        _options = options;
        _ledger = ledger;
        _log = log;
        _bootstrapServers = bootstrapServers;
        _clientSettings = clientSettings;
        _spread = options.Partitions == 0 ? partitions : options.Partitions;
        if (_spread > partitions)
            throw new ArgumentOutOfRangeException(nameof(options), options.Partitions, $"Partitions = {options.Partitions}, but topic '{options.Topic}' has {partitions}: a transaction can span at most {partitions}.");
        Stream = ledger.AddProducer(options.Name, options.MessageSize, options.Topic);
        _thread = new Thread(Run) { IsBackground = true, Name = $"kr-{options.Name}" };
    }

    /// <summary>
    /// Validates the options, makes the transactional.id's coordinator known where the target must move it off a lost
    /// broker (<see cref="ITransactionCoordinators"/>), reads the topic's partition count and starts sending.
    /// </summary>
    public static TransactionalProducerWorkload Start(IKafkaCluster cluster, TransactionalProducerOptions options, HistoryLedger ledger, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ledger);
        options.Validate();
        ClientSettings.Validate(options.Settings);
        if (cluster is ITransactionCoordinators coordinators && !coordinators.TransactionCoordinatorAsync(options.TransactionalId).Wait(TimeSpan.FromSeconds(10)))
            throw new TimeoutException($"The {cluster.TargetName} target did not name the coordinator of transactional.id {options.TransactionalId} within 10 s.");
        var partitions = TopicProbe.PartitionCount(cluster.BootstrapServers, cluster.ClientSettings, options.Topic, TimeSpan.FromSeconds(30));
        var workload = new TransactionalProducerWorkload(cluster.BootstrapServers, cluster.ClientSettings, partitions, options, ledger, log);
        workload._thread.Start();
        return workload;
    }

    public TransactionalProducerOptions Options => _options;

    /// <summary>The stream its messages carry as producer id (one stream, whatever clients it takes the id with).</summary>
    public ProducerRecorder Stream { get; }

    public long SentCount => Stream.SentCount;

    /// <summary>Messages of its committed transactions so far.</summary>
    public long CommittedMessages => Interlocked.Read(ref _committedMessages);

    /// <summary>Transactions begun so far.</summary>
    public int Transactions => Volatile.Read(ref _transactions);

    public bool IsCompleted => _done.Task.IsCompleted;

    /// <summary>Waits until it has written every message (or stopped); throws <see cref="TimeoutException"/> saying how far it got.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        try
        {
            await _done.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{_options.Name} did not finish within {timeout.TotalSeconds:0.#} s: {SentCount:N0} of {_options.MessageCount:N0} sent, {CommittedMessages:N0} committed.");
        }
    }

    /// <summary>Asks it to stop: a transaction under way is aborted, nothing more is sent.</summary>
    public void Stop()
    {
        _stop = true;
        _stopSignal.Set();
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        var bound = _options.CallTimeout * 3 + ReportWait;
        if (!await Task.Run(() => _thread.ThreadState == ThreadState.Unstarted || _thread.Join(bound)).ConfigureAwait(false))
            _log?.Invoke($"{_options.Name}: the transactional producer did not stop within {bound.TotalSeconds:0} s");
        _stopSignal.Dispose();
    }

    private void Run()
    {
        var clock = _ledger.Clock;
        var pacer = new RatePacer(_options.RatePerSecond, clock.TimestampFrequency, clock.GetTimestamp());
        var recreations = 0;
        IProducer<Null, byte[]>? producer = null;
        try
        {
            while (!_stop && Stream.SentCount < _options.MessageCount)
            {
                if (producer is null)
                {
                    producer = NewClient();
                    if (Initialise(producer) is { } failed)
                    {
                        producer.Dispose();
                        producer = null;
                        if (!Recover(failed, ref recreations)) break;
                        continue;
                    }
                }
                var number = Interlocked.Increment(ref _transactions);
                var count = (int)Math.Min(_options.TransactionSize, _options.MessageCount - Stream.SentCount);
                var open = new OpenTransaction($"{_options.Name}#{number}", _options.TransactionalId, Stream, Stream.SentCount, count, _ledger.Elapsed(clock.GetTimestamp()));
                var planned = _options.AbortEvery > 0 && number % _options.AbortEvery == 0;
                var (outcome, commitCalledAt, note, fatal) = Write(producer, open, pacer, planned);
                open.WaitReported(fatal is null ? ReportWait : TimeSpan.FromSeconds(1));
                open.End(_ledger.Transactions, outcome, commitCalledAt, clock.GetTimestamp(), _ledger, note);
                if (outcome == TransactionOutcome.Committed) Interlocked.Add(ref _committedMessages, open.Count);
                if (fatal is not null)
                {
                    producer.Dispose();
                    producer = null;
                    if (!Recover(fatal, ref recreations)) break;
                }
            }
        }
        catch (Exception e)
        {
            _log?.Invoke($"{_options.Name}: transactional producer ended by {e.GetType().Name}: {e.Message}");
            _ledger.AddEvent(new TimelineEvent(_ledger.Elapsed(clock.GetTimestamp()), "producer", $"{_options.Name} failed ({e.GetType().Name}: {e.Message})"));
        }
        finally
        {
            producer?.Dispose();
            _done.TrySetResult();
        }
    }

    /// <summary>After a fatal error: records a fence; says whether a new client takes the id (false: this workload ends).</summary>
    private bool Recover(KafkaException fatal, ref int recreations)
    {
        var fenced = TransactionErrors.IsFenced(fatal) || TransactionErrors.IsFenced(new Error((ErrorCode)Volatile.Read(ref _fatalCode)));
        if (fenced)
        {
            _ledger.Transactions.AddFencing(_options.TransactionalId, Stream.Id, _options.Name, TransactionErrors.Describe(fatal), _ledger.Now());
            _log?.Invoke($"{_options.Name}: fenced on transactional.id {_options.TransactionalId} ({TransactionErrors.Describe(fatal)})");
            if (_options.StopWhenFenced) return false;
        }
        if (++recreations > _options.MaxRecreations)
        {
            _log?.Invoke($"{_options.Name}: {recreations - 1} new clients did not get past fatal errors; it stops (last: {TransactionErrors.Describe(fatal)})");
            return false;
        }
        Volatile.Write(ref _fatalCode, 0);
        _ledger.AddEvent(new TimelineEvent(_ledger.Elapsed(_ledger.Now()), "producer", $"{_options.Name} replaces its client after {TransactionErrors.Describe(fatal)}"));
        return !_stop;
    }

    private IProducer<Null, byte[]> NewClient()
    {
        var settings = new Dictionary<string, string>(_clientSettings, StringComparer.Ordinal);
        foreach (var (name, value) in _options.Settings) settings[name] = value;
        settings.TryAdd("linger.ms", "5");
        settings["bootstrap.servers"] = _bootstrapServers;
        settings["transactional.id"] = _options.TransactionalId;
        settings["enable.idempotence"] = "true";
        return new ProducerBuilder<Null, byte[]>(settings)
            .SetErrorHandler((_, e) =>
            {
                if (!e.IsFatal) return;
                Volatile.Write(ref _fatalCode, (int)e.Code);
                _log?.Invoke($"{_options.Name}: fatal error {e.Code}: {e.Reason}");
            })
            .SetLogHandler((_, m) =>
            {
                if (m.Level <= SyslogLevel.Error) _log?.Invoke($"{_options.Name}: {m.Facility}: {m.Message}");
            })
            .Build();
    }

    /// <summary>InitTransactions, retried while retriable; the error that stopped it, or null when it took the id.</summary>
    private KafkaException? Initialise(IProducer<Null, byte[]> producer)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                producer.InitTransactions(_options.CallTimeout);
                _ledger.Transactions.AddSession(_options.TransactionalId, Stream.Id, _options.Name, _ledger.Now());
                return null;
            }
            catch (KafkaException e) when (TransactionErrors.IsRetriable(e) && attempt < 3 && !_stop)
            {
                _log?.Invoke($"{_options.Name}: InitTransactions failed ({TransactionErrors.Describe(e)}); trying again");
            }
            catch (KafkaException e)
            {
                _log?.Invoke($"{_options.Name}: InitTransactions failed ({TransactionErrors.Describe(e)})");
                return e;
            }
        }
    }

    /// <summary>Writes one transaction and ends it: its outcome, when its commit was asked for, why it did not commit, and a fatal error when the client is dead.</summary>
    private (TransactionOutcome Outcome, TimeSpan? CommitCalledAt, string? Note, KafkaException? Fatal) Write(
        IProducer<Null, byte[]> producer, OpenTransaction open, RatePacer pacer, bool plannedAbort)
    {
        var clock = _ledger.Clock;
        try
        {
            producer.BeginTransaction();
        }
        catch (KafkaException e)
        {
            return (TransactionOutcome.Aborted, null, "could not begin: " + TransactionErrors.Describe(e), e);
        }
        var capacity = (int)Math.Min(_options.TransactionSize, _options.MessageCount - open.FirstSequence);
        for (var i = 0; i < capacity; i++)
        {
            if (_stop) return Abort(producer, "stopped before its commit");
            var due = pacer.DueAt(open.FirstSequence + i);
            var wait = pacer.Unlimited ? TimeSpan.Zero : TimeSpan.FromSeconds((due - clock.GetTimestamp()) / (double)clock.TimestampFrequency);
            if (wait > TimeSpan.Zero && _stopSignal.Wait(wait)) return Abort(producer, "stopped before its commit");
            var ticks = clock.GetTimestamp();
            var partition = i % _spread;
            var sequence = open.Add(partition, ticks);
            var payload = PayloadFormat.NewBuffer(_options.MessageSize, new PayloadHeader(_ledger.RunTag, Stream.Id, sequence, ticks));
            if (Produce(producer, open, sequence, partition, payload) is { } failed)
            {
                open.Refused(sequence);
                if (TransactionErrors.IsFatal(failed)) return (TransactionOutcome.Aborted, null, "send failed: " + TransactionErrors.Describe(failed), failed);
                return Abort(producer, "send failed: " + TransactionErrors.Describe(failed));
            }
        }
        if (plannedAbort)
        {
            // Flushed first: an abort purges what the client has not sent yet, so an unflushed aborted transaction
            // would never reach the log, and no reader could show whether aborted messages stay hidden.
            producer.Flush(_options.CallTimeout);
            return Abort(producer, $"aborted on purpose (every {_options.AbortEvery}th transaction)");
        }
        return TransactionCalls.Commit(producer, _ledger.Elapsed(clock.GetTimestamp()), _options.CallTimeout, $"{_options.Name}: {open.Id}", _log);
    }

    private (TransactionOutcome, TimeSpan?, string?, KafkaException?) Abort(IProducer<Null, byte[]> producer, string why) =>
        TransactionCalls.Abort(producer, why, _options.CallTimeout);

    /// <summary>Hands one message to the client, waiting for room in its queue (bounded); the error when it refused it.</summary>
    private KafkaException? Produce(IProducer<Null, byte[]> producer, OpenTransaction open, long sequence, int partition, byte[] payload)
    {
        var clock = _ledger.Clock;
        var started = clock.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                producer.Produce(new TopicPartition(_options.Topic, new Partition(partition)), new Message<Null, byte[]> { Value = payload },
                    report => open.Reported(sequence, report.Partition.Value, report.Status == PersistenceStatus.Persisted ? report.Offset.Value : -1));
                return null;
            }
            catch (ProduceException<Null, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull && clock.GetElapsedTime(started) < _options.CallTimeout && !_stop)
            {
                _stopSignal.Wait(TimeSpan.FromMilliseconds(Math.Min(50, 1 + attempt)));
            }
            catch (KafkaException e)
            {
                return e;
            }
        }
    }
}
