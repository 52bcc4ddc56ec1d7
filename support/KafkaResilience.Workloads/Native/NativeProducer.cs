using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using KafkaResilience.Cluster;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Native;

/// <summary>
/// One librdkafka producer instance driven through the C API. Sends go in batches
/// (<c>rd_kafka_produce_batch</c>, payloads copied: nothing allocated per message). Delivery reports come
/// as events (librdkafka's event API), each one a batch of reports, read by whichever sending thread calls
/// <see cref="ServeReports"/> (after each batch it hands over, and while it waits for room or for its pace),
/// and recorded a batch at a time into the streams' recorders (outcome, partition, offset, ack latency read
/// back from the payload header). So the thread that allocates the client's copies also frees them, as
/// kcat's single thread does, and no thread spins or wakes up just to poll. <see cref="Connect"/> fetches the
/// topic's metadata and reaches every partition leader before the first send. Owns its native handles;
/// Dispose frees them.
/// </summary>
internal sealed unsafe class NativeProducer : IDisposable
{
    /// <summary>Most messages handed to the client in one call (fewer for large messages: see <see cref="SendBatchFor"/>).</summary>
    public const int MaxSendBatch = 256;

    /// <summary>Reports read out of an event at a time.</summary>
    private const int ReportBatch = 1024;

    /// <summary>Bound on the events one <see cref="ServeReports"/> call reads (each holds up to batch.num.messages reports).</summary>
    private const int MaxEventsPerServe = 1000;

    private readonly RdKafka _rd = RdKafka.Instance;
    private readonly ProducerRecorder[] _streams;
    private readonly TimeProvider _clock;
    private readonly Action<string>? _log;
    private readonly string _topic;
    private readonly string _bootstrapServers;
    private readonly object _serveGate = new();
    private readonly Delivery[] _deliveries = new Delivery[ReportBatch];
    private RdKafkaMessage** _reports;
    private GCHandle _self;
    private IntPtr _rk;
    private IntPtr _rkt;
    private IntPtr _queue;
    private long _callbackErrors;
    private long _reportFailures;

    public NativeProducer(string bootstrapServers, IReadOnlyDictionary<string, string> settings, string topic, ProducerRecorder[] streams, TimeProvider clock, Action<string>? log)
    {
        _streams = streams;
        _clock = clock;
        _log = log;
        _topic = topic;
        _bootstrapServers = bootstrapServers;
        _self = GCHandle.Alloc(this);
        _reports = (RdKafkaMessage**)NativeMemory.Alloc(ReportBatch, (nuint)sizeof(IntPtr));
        var conf = _rd.ConfNew();
        try
        {
            Set(conf, "bootstrap.servers", bootstrapServers);
            // Workloads never create topics: a misspelt name must not become a new topic (a scenario may still say otherwise).
            Set(conf, "allow.auto.create.topics", "false");
            foreach (var (name, value) in settings) Set(conf, name, value);
            _rd.ConfSetOpaque(conf, GCHandle.ToIntPtr(_self));
            _rd.ConfSetEvents(conf, RdKafka.EventDr);
            _rd.ConfSetLogCb(conf, &OnLog);
            var errstr = stackalloc byte[512];
            _rk = _rd.New(RdKafka.ProducerType, conf, errstr, 512);
            if (_rk == IntPtr.Zero)
                throw new InvalidOperationException("librdkafka refused to create the producer: " + Marshal.PtrToStringUTF8((IntPtr)errstr));
            conf = IntPtr.Zero; // owned by the producer now
            _queue = _rd.QueueGetMain(_rk);
            var topicName = Encoding.UTF8.GetBytes(topic + "\0");
            fixed (byte* pn = topicName) _rkt = _rd.TopicNew(_rk, pn, IntPtr.Zero);
            if (_rkt == IntPtr.Zero)
                throw new InvalidOperationException($"librdkafka could not open topic '{topic}': {_rd.ErrorText(_rd.LastError())}");
        }
        catch
        {
            if (conf != IntPtr.Zero) _rd.ConfDestroy(conf);
            Dispose();
            throw;
        }
    }

    /// <summary>How many messages of <paramref name="messageSize"/> bytes one send call hands over: up to <see cref="MaxSendBatch"/>, and at most 1 MB of payload.</summary>
    public static int SendBatchFor(int messageSize) => Math.Clamp((1 << 20) / Math.Max(1, messageSize), 1, MaxSendBatch);

    /// <summary>
    /// Fetches the topic's metadata through this client until every partition has a leader, then asks each
    /// leader for its partition's offsets, which connects this client to every leader: the first send then
    /// waits for neither metadata nor a connection. Returns the partition count. Blocks the calling thread
    /// (call it off the thread pool); throws a <see cref="TimeoutException"/> naming the topic, the address
    /// and what was last seen when <paramref name="timeout"/> passes.
    /// </summary>
    public int Connect(TimeSpan timeout)
    {
        var deadline = _clock.GetTimestamp() + (long)(timeout.TotalSeconds * _clock.TimestampFrequency);
        int RemainingMs() => (int)Math.Clamp((deadline - _clock.GetTimestamp()) * 1000 / _clock.TimestampFrequency, 0, 5_000);
        var last = new TopicCheck(TopicState.NoAnswer, 0, "no answer");
        var partitions = Array.Empty<int>();
        // Each attempt blocks in librdkafka for up to 5 s (or what is left), so the count bounds only fast failures.
        for (var attempt = 0; attempt < 1_000 && last.State != TopicState.Ready && RemainingMs() > 0; attempt++)
            last = NativeMetadata.Ask(_rd, _rk, _rkt, Math.Max(100, RemainingMs()), out partitions);
        if (last.State != TopicState.Ready)
            throw new TimeoutException($"Topic '{_topic}' did not show its partitions within {timeout.TotalSeconds:0.#}s at {_bootstrapServers} (last: {last.Detail}). Create it before starting workloads.");
        var topicName = Encoding.UTF8.GetBytes(_topic + "\0");
        foreach (var partition in partitions)
        {
            var err = -1;
            for (var attempt = 0; attempt < 1_000 && err != 0 && RemainingMs() > 0; attempt++)
            {
                long low, high;
                fixed (byte* name = topicName) err = _rd.QueryWatermarkOffsets(_rk, name, partition, &low, &high, Math.Max(100, RemainingMs()));
            }
            if (err != 0)
                throw new TimeoutException($"The producer of '{_topic}' did not reach the leader of partition {partition} within {timeout.TotalSeconds:0.#}s at {_bootstrapServers} (last: {(err == -1 ? "no time left" : _rd.ErrorText(err))}).");
        }
        return partitions.Length;
    }

    /// <summary>Delivery reports that could not be attributed or recorded (should stay 0).</summary>
    public long CallbackErrors => Volatile.Read(ref _callbackErrors);

    /// <summary>Messages queued or in flight, and reports not yet served.</summary>
    public int Outstanding => _rk == IntPtr.Zero ? 0 : _rd.OutqLen(_rk);

    /// <summary>
    /// Hands <paramref name="count"/> messages to the client in one call (payloads copied), all to
    /// <paramref name="partition"/> (or each through the partitioner when it is <see cref="RdKafka.PartitionUnassigned"/>).
    /// Each message's <see cref="RdKafkaMessage.Err"/> says whether it was taken (0) or why not (e.g. queue full);
    /// returns how many were taken.
    /// </summary>
    public int Produce(int partition, RdKafkaMessage* messages, int count) =>
        _rd.ProduceBatch(_rkt, partition, RdKafka.MsgFlagCopy, messages, count);

    public string ErrorText(int err) => _rd.ErrorText(err);

    /// <summary>
    /// Reads the delivery reports the client holds and records them: waits up to <paramref name="timeoutMs"/>
    /// for the first event, then takes what else is there without waiting. One thread at a time serves: with
    /// <paramref name="waitForTurn"/> false, returns -1 at once when another thread is serving. Returns the
    /// reports recorded.
    /// </summary>
    public int ServeReports(int timeoutMs, bool waitForTurn)
    {
        if (waitForTurn) Monitor.Enter(_serveGate);
        else if (!Monitor.TryEnter(_serveGate)) return -1;
        try
        {
            if (_queue == IntPtr.Zero) return 0;
            var served = 0;
            var timeout = timeoutMs;
            for (var i = 0; i < MaxEventsPerServe; i++)
            {
                var ev = _rd.QueuePoll(_queue, timeout);
                if (ev == IntPtr.Zero) break;
                try
                {
                    if (_rd.EventType(ev) == RdKafka.EventDr) served += Deliver(ev);
                }
                finally
                {
                    _rd.EventDestroy(ev);
                }
                timeout = 0;
            }
            return served;
        }
        finally
        {
            Monitor.Exit(_serveGate);
        }
    }

    /// <summary>Waits for outstanding reports, serving them; what is left after <paramref name="timeout"/> is purged (queued: failed; in flight: unknown).</summary>
    public void FlushAndPurge(TimeSpan timeout)
    {
        if (_rk == IntPtr.Zero) return;
        var deadline = _clock.GetTimestamp() + (long)(timeout.TotalSeconds * _clock.TimestampFrequency);
        // In event mode rd_kafka_flush only waits: the reports are this loop's to serve.
        while (_rd.OutqLen(_rk) > 0 && _clock.GetTimestamp() < deadline)
            ServeReports(100, waitForTurn: true);
        if (_rd.OutqLen(_rk) > 0)
        {
            _log?.Invoke($"producer: {_rd.OutqLen(_rk)} messages still outstanding after {timeout.TotalSeconds:0}s; purging them");
            _rd.Purge(_rk, RdKafka.PurgeQueue | RdKafka.PurgeInflight);
            for (var i = 0; i < 50 && _rd.OutqLen(_rk) > 0; i++) ServeReports(100, waitForTurn: true);
        }
    }

    public void Dispose()
    {
        // Sending threads have ended; a serve still running (it never waits more than its timeout) finishes first.
        var turn = Monitor.TryEnter(_serveGate, TimeSpan.FromSeconds(10));
        try
        {
            if (_rk != IntPtr.Zero)
            {
                _rd.Purge(_rk, RdKafka.PurgeQueue | RdKafka.PurgeInflight);
                if (_queue != IntPtr.Zero)
                {
                    // Purged reports are recorded (queued: failed; in flight: unknown), not dropped.
                    for (var i = 0; i < MaxEventsPerServe && _rd.QueuePoll(_queue, 0) is var ev && ev != IntPtr.Zero; i++)
                    {
                        try
                        {
                            if (_rd.EventType(ev) == RdKafka.EventDr) Deliver(ev);
                        }
                        finally
                        {
                            _rd.EventDestroy(ev);
                        }
                    }
                    _rd.QueueDestroy(_queue);
                    _queue = IntPtr.Zero;
                }
            }
            if (_rkt != IntPtr.Zero) { _rd.TopicDestroy(_rkt); _rkt = IntPtr.Zero; }
            if (_rk != IntPtr.Zero) { _rd.Destroy(_rk); _rk = IntPtr.Zero; }
            if (_reports != null) { NativeMemory.Free(_reports); _reports = null; }
            if (_self.IsAllocated) _self.Free();
        }
        finally
        {
            if (turn) Monitor.Exit(_serveGate);
        }
    }

    /// <summary>Records every report of one delivery-report event, a batch per stream, all at one instant.</summary>
    private int Deliver(IntPtr ev)
    {
        var now = _clock.GetTimestamp();
        var total = 0;
        for (var rounds = 0; rounds < 1_000_000; rounds++)
        {
            var n = (int)_rd.EventMessageArray(ev, _reports, ReportBatch);
            if (n == 0) break;
            Record(n, now);
            total += n;
        }
        return total;
    }

    private void Record(int n, long now)
    {
        var count = 0;
        var stream = -1;
        for (var i = 0; i < n; i++)
        {
            var message = _reports[i];
            var s = (int)message->Opaque;
            if ((uint)s >= (uint)_streams.Length || !PayloadFormat.TryRead(new ReadOnlySpan<byte>((void*)message->Payload, (int)message->Length), out var header))
            {
                Interlocked.Increment(ref _callbackErrors);
                continue;
            }
            if (s != stream && count > 0)
            {
                Report(stream, count, now);
                count = 0;
            }
            stream = s;
            var (outcome, possiblyPersisted) = DeliveryStatus.OutcomeOf(message->Err, _rd.MessageStatus(message));
            _deliveries[count++] = new Delivery(header.Sequence, outcome, message->Partition, message->Offset, header.SentTicks, possiblyPersisted);
        }
        if (count > 0) Report(stream, count, now);
    }

    private void Report(int stream, int count, long now)
    {
        try
        {
            _streams[stream].Reported(_deliveries.AsSpan(0, count), now);
        }
        catch (Exception e)
        {
            Interlocked.Add(ref _callbackErrors, count);
            if (Interlocked.Increment(ref _reportFailures) <= 3)
                _log?.Invoke($"producer: {count} delivery reports could not be recorded: {e.GetType().Name}: {e.Message}");
        }
    }

    private void Set(IntPtr conf, string name, string value)
    {
        if (_rd.Set(conf, name, value) is { } error)
            throw new ArgumentException($"Producer setting '{name}' = '{value}' refused by librdkafka: {error.Error}");
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(IntPtr rk, int level, byte* facility, byte* text)
    {
        // librdkafka logs to stderr by default; here warnings and worse (syslog level <= 4) go to the
        // workload's sink, the first 20 in full, then counted.
        try
        {
            if (level > 4 || rk == IntPtr.Zero) return;
            var opaque = RdKafka.Instance.Opaque(rk);
            if (opaque == IntPtr.Zero || GCHandle.FromIntPtr(opaque).Target is not NativeProducer self) return;
            var n = Interlocked.Increment(ref self._logLines);
            if (n <= 20)
                self._log?.Invoke($"librdkafka {Marshal.PtrToStringUTF8((IntPtr)facility)}: {Marshal.PtrToStringUTF8((IntPtr)text)}");
            else if (n == 21)
                self._log?.Invoke("librdkafka: further client warnings are counted, not printed");
        }
        catch
        {
            // never let an exception cross into native code
        }
    }

    private long _logLines;

    /// <summary>Client warnings and errors librdkafka logged.</summary>
    public long LogLines => Volatile.Read(ref _logLines);
}
