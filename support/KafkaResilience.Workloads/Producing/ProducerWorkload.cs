using System.Buffers.Binary;
using System.Runtime.ExceptionServices;
using KafkaResilience.Cluster.Security;
using KafkaResilience.Cluster;
using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.Native;

namespace KafkaResilience.Workloads.Producing;

/// <summary>
/// Producers at a rate (Jepsen's generator + client, Kafka's VerifiableProducer): N instances,
/// each shared by M sending threads, every thread one sequence stream. Every send is recorded in
/// the ledger as an invoke, and its delivery report as ok / fail / unknown with partition,
/// offset and ack latency. It only records; checkers judge afterwards.
/// Two phases, as kafka-producer-perf-test measures: <see cref="Prepare(IKafkaCluster, ProducerWorkloadOptions, HistoryLedger, Action{string})"/>
/// creates the clients, fetches the topic's metadata and connects them to every partition leader;
/// <see cref="Start(long)"/> then begins sending, so the measured send (first send to last
/// acknowledgement) holds no start-up. <see cref="StartTogether"/> prepares several side by side and
/// starts them on one clock.
/// </summary>
public sealed class ProducerWorkload : IAsyncDisposable
{
    private readonly ProducerWorkloadOptions _options;
    private readonly HistoryLedger _ledger;
    private readonly Action<string>? _log;
    private readonly List<NativeProducer> _instances = [];
    private readonly ProducerRecorder[] _streams;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _bootstrapServers;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly ManualResetEventSlim _go = new(false);
    private int _partitions;
    private int _state; // 0 created, 1 connecting, 2 prepared (threads waiting for the go), 3 started
    private long _startTicks;
    private long _sendingEndedTicks; // when the last sending thread ended: the flush timeout counts from there
    private volatile bool _stop;

    private ProducerWorkload(string bootstrapServers, IReadOnlyDictionary<string, string> clientSettings, ProducerWorkloadOptions options, HistoryLedger ledger, Action<string>? log)
    {
        _options = options;
        _ledger = ledger;
        _log = log;
        _bootstrapServers = bootstrapServers;
        _settings = ClientSettings.ResolveProducerSettings(Merge(clientSettings, options.Settings));
        _streams = new ProducerRecorder[options.Streams];
        for (var i = 0; i < options.Streams; i++)
            _streams[i] = ledger.AddProducer($"{options.Name}-{i / options.ThreadsPerInstance}.{i % options.ThreadsPerInstance}", options.MessageSize, options.Topic);
    }

    /// <summary>
    /// Validates the options, creates the producer instances, fetches the topic's metadata and connects
    /// every instance to every partition leader; sends nothing. Blocks up to <see cref="ProducerWorkloadOptions.PrepareTimeout"/>
    /// on librdkafka calls: call it off the thread pool when many run at once (an in-process fault proxy
    /// needs pool threads to answer them). Throws naming the topic when it does not show its partitions.
    /// </summary>
    public static ProducerWorkload Prepare(string bootstrapServers, ProducerWorkloadOptions options, HistoryLedger ledger,
        IReadOnlyDictionary<string, string>? clientSettings = null, Action<string>? log = null)
    {
        var workload = Create(bootstrapServers, options, ledger, clientSettings, log);
        try
        {
            workload.Connect();
        }
        catch
        {
            workload.FreeClients();
            throw;
        }
        return workload;
    }

    /// <summary>Prepares against a cluster target (its bootstrap servers and client settings).</summary>
    public static ProducerWorkload Prepare(IKafkaCluster cluster, ProducerWorkloadOptions options, HistoryLedger ledger, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return Prepare(cluster.BootstrapServers, options, ledger, cluster.ClientSettings, log);
    }

    /// <summary>Validates the options, prepares, and starts sending at once.</summary>
    public static ProducerWorkload Start(string bootstrapServers, ProducerWorkloadOptions options, HistoryLedger ledger,
        IReadOnlyDictionary<string, string>? clientSettings = null, Action<string>? log = null)
    {
        var workload = Prepare(bootstrapServers, options, ledger, clientSettings, log);
        workload.Start(ledger.Now());
        return workload;
    }

    /// <summary>Starts against a cluster target (its bootstrap servers and client settings).</summary>
    public static ProducerWorkload Start(IKafkaCluster cluster, ProducerWorkloadOptions options, HistoryLedger ledger, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return Start(cluster.BootstrapServers, options, ledger, cluster.ClientSettings, log);
    }

    /// <summary>
    /// Prepares one workload per options side by side, each on its own thread (never the thread pool's:
    /// blocked pool threads starve an in-process fault proxy, and the pool adds threads only about one a
    /// second), then starts them all on one clock tick, so a send over many topics has one start. When
    /// one cannot be prepared, none starts: every client is freed and the first failure is thrown.
    /// </summary>
    public static IReadOnlyList<ProducerWorkload> StartTogether(IKafkaCluster cluster, IReadOnlyList<ProducerWorkloadOptions> options, HistoryLedger ledger, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ledger);
        if (options.Count == 0) return [];
        // Created in order, so stream ids follow the options; connected in parallel.
        var workloads = new List<ProducerWorkload>();
        var stillConnecting = new HashSet<ProducerWorkload>();
        try
        {
            foreach (var o in options) workloads.Add(Create(cluster.BootstrapServers, o, ledger, cluster.ClientSettings, log));
            var began = ledger.Now();
            var failures = new Exception?[workloads.Count];
            var threads = workloads.Select((w, i) => new Thread(() =>
            {
                try { w.Connect(); }
                catch (Exception e) { failures[i] = e; }
            }) { IsBackground = true, Name = $"kr-prepare-{i}" }).ToList();
            foreach (var t in threads) t.Start();
            // Connect ends within PrepareTimeout plus one librdkafka call; the margin covers creating the clients.
            var bound = options.Max(o => o.PrepareTimeout * o.Instances) + TimeSpan.FromSeconds(30);
            var joinBy = ledger.Now() + (long)(bound.TotalSeconds * ledger.Clock.TimestampFrequency);
            for (var i = 0; i < threads.Count; i++)
                if (!threads[i].Join(TimeSpan.FromSeconds(Math.Max(0, joinBy - ledger.Now()) / (double)ledger.Clock.TimestampFrequency)))
                    stillConnecting.Add(workloads[i]);
            if (stillConnecting.Count > 0)
                throw new TimeoutException($"Preparing {options.Count} producers did not end within {bound.TotalSeconds:0} s " +
                    $"({string.Join(", ", stillConnecting.Select(w => w._options.Topic))} still connecting at {cluster.BootstrapServers}).");
            if (failures.FirstOrDefault(f => f is not null) is { } failure)
            {
                if (failure is TimeoutException or ArgumentException) ExceptionDispatchInfo.Throw(failure); // as thrown on its thread
                throw new InvalidOperationException($"A producer could not be prepared: {failure.Message}", failure);
            }
            var start = ledger.Now();
            ledger.AddEvent(new TimelineEvent(ledger.Elapsed(start), "producer",
                $"{workloads.Count} producer workload(s) prepared side by side in {(ledger.Elapsed(start) - ledger.Elapsed(began)).TotalSeconds:0.000} s; all start now"));
            foreach (var w in workloads) w.Start(start);
            return workloads;
        }
        catch
        {
            // A client still inside a librdkafka call is left to the process rather than freed under it.
            foreach (var w in workloads)
                if (stillConnecting.Contains(w)) w._stop = true;
                else w.Abandon();
            throw;
        }
    }

    private static ProducerWorkload Create(string bootstrapServers, ProducerWorkloadOptions options, HistoryLedger ledger,
        IReadOnlyDictionary<string, string>? clientSettings, Action<string>? log)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bootstrapServers);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ledger);
        options.Validate();
        return new ProducerWorkload(bootstrapServers, clientSettings ?? new Dictionary<string, string>(), options, ledger, log);
    }

    /// <summary>Creates the instances and connects each (metadata, every leader); blocks.</summary>
    private void Connect()
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0) throw new InvalidOperationException($"Producer workload '{_options.Name}' was already prepared.");
        for (var i = 0; i < _options.Instances; i++)
        {
            var streams = _streams.Skip(i * _options.ThreadsPerInstance).Take(_options.ThreadsPerInstance).ToArray();
            NativeProducer instance;
            lock (_instances)
            {
                if (_stop) throw new ObjectDisposedException($"Producer workload '{_options.Name}'");
                instance = new NativeProducer(_bootstrapServers, _settings, _options.Topic, streams, _ledger.Clock, _log);
                _instances.Add(instance);
            }
            var partitions = instance.Connect(_options.PrepareTimeout);
            if (i == 0) _partitions = partitions;
        }
        // The sending threads are made now and wait for the go: starting them costs no time on the clock.
        var runner = new Thread(() =>
        {
            try
            {
                Run();
                _done.TrySetResult();
            }
            catch (Exception e)
            {
                _done.TrySetException(e);
            }
        }) { IsBackground = true, Name = $"kr-producer-{_options.Name}" };
        runner.Start();
        Volatile.Write(ref _state, 2);
    }

    /// <summary>
    /// Begins sending (once): every thread's pace counts from <paramref name="startTicks"/> (the ledger clock's
    /// ticks), so workloads started with the same tick share one clock.
    /// </summary>
    public void Start(long startTicks)
    {
        if (Interlocked.CompareExchange(ref _state, 3, 2) != 2)
            throw new InvalidOperationException($"Producer workload '{_options.Name}' must be prepared, and started once.");
        _ledger.AddEvent(new TimelineEvent(_ledger.Elapsed(_ledger.Now()), "producer",
            $"{_options.Name}: {_options.Instances} instance(s) x {_options.ThreadsPerInstance} thread(s), {Describe(_options)}"));
        Volatile.Write(ref _startTicks, startTicks);
        _go.Set();
    }

    public ProducerWorkloadOptions Options => _options;

    /// <summary>One recorder per sending thread (its producer id is in every payload it sent).</summary>
    public IReadOnlyList<ProducerRecorder> Streams => _streams;

    /// <summary>Completes when every thread has sent its share (or was stopped) and every send has an outcome; never before <see cref="Start(long)"/>.</summary>
    public Task Completion => _done.Task;

    public bool IsCompleted => _done.Task.IsCompleted;

    /// <summary>Stops sending early; outstanding sends still get their outcomes.</summary>
    public void Stop() => _stop = true;

    /// <summary>Waits for <see cref="Completion"/>, throwing a <see cref="TimeoutException"/> with the counts when it does not come in time.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        try
        {
            await _done.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Producer workload '{_options.Name}' did not finish within {timeout.TotalSeconds:0.#}s: " +
                $"sent {_streams.Sum(s => s.SentCount):N0}, ok {_streams.Sum(s => s.OkCount):N0}, failed {_streams.Sum(s => s.FailedCount):N0}, unknown {_streams.Sum(s => s.UnknownCount):N0}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop = true;
        _go.Set(); // a prepared workload never started: its threads wake, see the stop and send nothing
        if (Volatile.Read(ref _state) >= 2)
        {
            try
            {
                await _done.Task.WaitAsync(_options.FlushTimeout + TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                _log?.Invoke($"producer workload '{_options.Name}' did not stop in time; freeing the clients anyway");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // the failure is visible on Completion; disposal must still free the clients
            }
        }
        else
            _done.TrySetCanceled(); // never prepared: nothing was sent
        FreeClients();
    }

    /// <summary>Stops a workload that will never start: its waiting threads end (within a second), then its clients are freed.</summary>
    private void Abandon()
    {
        _stop = true;
        _go.Set();
        var ended = _done.Task.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default); // never throws
        if (Volatile.Read(ref _state) >= 2 && !ended.Wait(_options.FlushTimeout + TimeSpan.FromSeconds(30)))
        {
            _log?.Invoke($"producer workload '{_options.Name}' did not stop in time; its clients are left to the process");
            return;
        }
        FreeClients();
    }

    private void FreeClients()
    {
        _stop = true;
        lock (_instances)
        {
            foreach (var p in _instances) p.Dispose();
            _instances.Clear();
        }
    }

    /// <summary>
    /// Runs on its own thread: one sending thread per stream, each waiting for the go, then the flush;
    /// throws what went wrong.
    /// </summary>
    private void Run()
    {
        var threads = new List<Thread>();
        var errors = new List<Exception>();
        var clock = _ledger.Clock;
        var perStreamRate = _options.RatePerSecond / _streams.Length;
        for (var s = 0; s < _streams.Length; s++)
        {
            var stream = s;
            var count = _options.MessageCount is { } total ? total / _streams.Length + (stream < total % _streams.Length ? 1 : 0) : long.MaxValue;
            var thread = new Thread(() =>
            {
                try
                {
                    // Bounded by disposal: a workload that is never started is stopped by DisposeAsync.
                    while (!_go.Wait(TimeSpan.FromSeconds(1)))
                        if (_stop) return;
                    var start = Volatile.Read(ref _startTicks);
                    var deadline = _options.Duration is { } d ? start + (long)(d.TotalSeconds * clock.TimestampFrequency) : long.MaxValue;
                    SendLoop(stream, count, new RatePacer(perStreamRate, clock.TimestampFrequency, start), deadline);
                    Drain(_instances[stream / _options.ThreadsPerInstance], NoteSendingEnded());
                }
                catch (Exception e)
                {
                    lock (errors) errors.Add(e);
                    _stop = true;
                }
            }) { IsBackground = true, Name = $"kr-send-{stream}" };
            threads.Add(thread);
            thread.Start();
        }
        foreach (var t in threads) t.Join();
        // One after another on this thread (not on pool threads): the clients deliver side by side anyway,
        // and each flush waits only for what its own deadline leaves.
        if (Volatile.Read(ref _sendingEndedTicks) == 0) NoteSendingEnded(); // no thread got that far (all failed or were stopped first)
        var flushBy = FlushDeadline();
        foreach (var p in _instances)
            p.FlushAndPurge(TimeSpan.FromSeconds(Math.Max(0, flushBy - clock.GetTimestamp()) / (double)clock.TimestampFrequency));
        _ledger.AddEvent(new TimelineEvent(_ledger.Elapsed(_ledger.Now()), "producer", $"{_options.Name}: finished"));
        foreach (var p in _instances)
            if (p.CallbackErrors > 0) errors.Add(new InvalidOperationException($"{p.CallbackErrors} delivery reports could not be recorded"));
        if (errors.Count > 0) throw new AggregateException($"Producer workload '{_options.Name}' failed.", errors);
    }

    /// <summary>
    /// One stream's sends: batches of up to <see cref="NativeProducer.SendBatchFor"/> messages, as many as
    /// the pace allows, each handed to the client in one call, all stamped with the one clock reading taken
    /// for the batch (so a send time is at most one batch early); round-robin keys put
    /// each batch on the next partition. After each batch, and while waiting for the pace or for room in the
    /// client's queue, the thread serves the client's delivery reports.
    /// </summary>
    private unsafe void SendLoop(int stream, long count, RatePacer pacer, long deadline)
    {
        var recorder = _streams[stream];
        var producer = _instances[stream / _options.ThreadsPerInstance];
        var slot = stream % _options.ThreadsPerInstance;
        var clock = _ledger.Clock;
        var frequency = clock.TimestampFrequency;
        var size = _options.MessageSize;
        var batch = NativeProducer.SendBatchFor(size);
        // One payload per message of a batch (the client copies them), each with this stream's header.
        var payloads = GC.AllocateArray<byte>(batch * size, pinned: true);
        var template = PayloadFormat.NewBuffer(size, new PayloadHeader(_ledger.RunTag, recorder.Id, 0, 0));
        for (var i = 0; i < batch; i++) template.CopyTo(payloads, i * size);
        var keys = GC.AllocateArray<byte>(batch * 8, pinned: true);
        var messages = GC.AllocateArray<RdKafkaMessage>(batch, pinned: true);
        var keyed = _options.KeyMode == KeyMode.Keyed;
        var roundRobin = _options.KeyMode == KeyMode.RoundRobin;
        var queueFullTicks = (long)(_options.QueueFullTimeout.TotalSeconds * frequency);
        var spinThreshold = frequency / 500; // waits over 2 ms serve reports (or sleep), shorter ones spin
        fixed (byte* payloadBase = payloads)
        fixed (byte* keyBase = keys)
        fixed (RdKafkaMessage* batchBase = messages)
        {
            long seq = 0, batches = 0;
            for (var spins = 0; seq < count;)
            {
                if (_stop) return;
                var now = clock.GetTimestamp();
                if (now >= deadline) return;
                var n = (int)Math.Min(batch, count - seq);
                if (!pacer.Unlimited)
                {
                    var due = pacer.DueBy(now) - seq;
                    if (due <= 0)
                    {
                        var wait = pacer.DueAt(seq) - now;
                        if (wait > spinThreshold)
                        {
                            // Serve reports while waiting: the client wakes this thread when one comes.
                            var ms = (int)Math.Clamp((wait - spinThreshold) * 1000 / frequency, 1, 10);
                            if (producer.ServeReports(ms, waitForTurn: false) < 0) Thread.Sleep(1);
                        }
                        else if (++spins % 64 == 0) Thread.Yield();
                        else Thread.SpinWait(16);
                        continue;
                    }
                    n = (int)Math.Min(n, due);
                }
                var partition = roundRobin ? (int)((batches++ + stream) % _partitions) : RdKafka.PartitionUnassigned;
                for (var i = 0; i < n; i++)
                {
                    var payload = payloadBase + (long)i * size;
                    PayloadFormat.WriteSequence(new Span<byte>(payload, size), seq + i, now);
                    var key = keyBase + i * 8;
                    if (keyed) BinaryPrimitives.WriteInt64LittleEndian(new Span<byte>(key, 8), (seq + i) % _options.KeyCount);
                    batchBase[i] = new RdKafkaMessage
                    {
                        Partition = partition, Payload = (IntPtr)payload, Length = (nuint)size,
                        Key = keyed ? (IntPtr)key : IntPtr.Zero, KeyLength = keyed ? 8u : 0u, Opaque = slot,
                    };
                }
                recorder.Sent(seq, n, now);
                Hand(producer, recorder, batchBase, n, partition, now + queueFullTicks);
                seq += n;
                producer.ServeReports(0, waitForTurn: false);
            }
        }
    }

    /// <summary>This thread has sent its share now: returns when the flush gives up (the flush timeout after the last thread's end).</summary>
    private long NoteSendingEnded()
    {
        var now = _ledger.Now();
        for (var seen = Volatile.Read(ref _sendingEndedTicks); now > seen; seen = Volatile.Read(ref _sendingEndedTicks))
            if (Interlocked.CompareExchange(ref _sendingEndedTicks, now, seen) == seen) break;
        return FlushDeadline();
    }

    private long FlushDeadline() =>
        Math.Max(Volatile.Read(ref _sendingEndedTicks), 1) + (long)(_options.FlushTimeout.TotalSeconds * _ledger.Clock.TimestampFrequency);

    /// <summary>
    /// Once a thread has sent its share, it goes on serving its client's reports until none is outstanding (or
    /// the flush timeout), so that a client whose threads are done still records its acks when they come, while
    /// other clients of the workload are still sending; the final flush then finds little or nothing left.
    /// </summary>
    private void Drain(NativeProducer producer, long giveUp)
    {
        var clock = _ledger.Clock;
        while (producer.Outstanding > 0 && clock.GetTimestamp() < giveUp)
            if (producer.ServeReports(10, waitForTurn: false) < 0) Thread.Sleep(1); // another thread of this client is serving
    }

    /// <summary>
    /// Hands a batch to the client. Messages refused for a full queue are offered again after serving
    /// reports (which make room) until <paramref name="giveUpTicks"/> or a stop; those never taken, and those
    /// refused for any other reason, are recorded as failed: never handed to the client, never written.
    /// </summary>
    private unsafe void Hand(NativeProducer producer, ProducerRecorder recorder, RdKafkaMessage* messages, int count, int partition, long giveUpTicks)
    {
        var clock = _ledger.Clock;
        for (var attempt = 0; count > 0; attempt++)
        {
            producer.Produce(partition, messages, count);
            var full = 0;
            for (var i = 0; i < count; i++)
            {
                var err = messages[i].Err;
                if (err == 0) continue;
                if (err == RdKafka.ErrQueueFull) messages[full++] = messages[i]; // offered again, in order
                else Refused(producer, recorder, messages[i], partition, err);
            }
            count = full;
            if (count == 0) return;
            if (_stop || clock.GetTimestamp() > giveUpTicks)
            {
                for (var i = 0; i < count; i++) Refused(producer, recorder, messages[i], partition, RdKafka.ErrQueueFull);
                return;
            }
            // The queue is full: wait for reports, which free room (another thread may be serving: then nap).
            if (producer.ServeReports(10, waitForTurn: false) < 0) Thread.Sleep(1);
        }
    }

    private unsafe void Refused(NativeProducer producer, ProducerRecorder recorder, in RdKafkaMessage message, int partition, int err)
    {
        var payload = new ReadOnlySpan<byte>((void*)message.Payload, (int)message.Length);
        PayloadFormat.TryRead(payload, out var header);
        recorder.Outcome(header.Sequence, SendOutcome.Failed, partition, -1, header.SentTicks, _ledger.Now());
        if (recorder.FailedCount <= 3)
            _log?.Invoke($"{recorder.Name}: send of #{header.Sequence} refused by the client: {producer.ErrorText(err)}");
    }

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> cluster, IReadOnlyDictionary<string, string> own)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in cluster) merged[k] = v;
        foreach (var (k, v) in own) merged[k] = v;
        return merged;
    }

    private static string Describe(ProducerWorkloadOptions o) =>
        $"{(o.MessageCount is { } n ? $"{n:N0} messages" : "")}{(o.MessageCount is not null && o.Duration is not null ? " or " : "")}" +
        $"{(o.Duration is { } d ? $"{d.TotalSeconds:0.#}s" : "")} of {o.MessageSize} B at " +
        $"{(o.RatePerSecond == 0 ? "full speed" : $"{o.RatePerSecond:N0}/s")}, keys {o.KeyMode}" +
        (o.Settings.Count > 0 ? ", " + new SecretRedactor().Describe(o.Settings) : "");
}
