using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Native;

/// <summary>
/// One librdkafka producer instance driven through the C API: sends copy a reusable payload
/// buffer (no allocation per message), delivery reports arrive in one shared static callback on
/// this instance's poll thread and go straight into the streams' recorders (outcome, partition,
/// offset, ack latency read back from the payload header). <see cref="Connect"/> fetches the topic's
/// metadata and reaches every partition leader before the first send. Owns its native handles;
/// Dispose frees them.
/// </summary>
internal sealed unsafe class NativeProducer : IDisposable
{
    private readonly RdKafka _rd = RdKafka.Instance;
    private readonly ProducerRecorder[] _streams;
    private readonly TimeProvider _clock;
    private readonly Action<string>? _log;
    private readonly Thread _poller;
    private readonly string _topic;
    private readonly string _bootstrapServers;
    private GCHandle _self;
    private IntPtr _rk;
    private IntPtr _rkt;
    private volatile bool _stopPolling;
    private long _callbackErrors;

    public NativeProducer(string bootstrapServers, IReadOnlyDictionary<string, string> settings, string topic, ProducerRecorder[] streams, TimeProvider clock, Action<string>? log)
    {
        _streams = streams;
        _clock = clock;
        _log = log;
        _topic = topic;
        _bootstrapServers = bootstrapServers;
        _self = GCHandle.Alloc(this);
        var conf = _rd.ConfNew();
        try
        {
            Set(conf, "bootstrap.servers", bootstrapServers);
            // Workloads never create topics: a misspelt name must not become a new topic (a scenario may still say otherwise).
            Set(conf, "allow.auto.create.topics", "false");
            foreach (var (name, value) in settings) Set(conf, name, value);
            _rd.ConfSetOpaque(conf, GCHandle.ToIntPtr(_self));
            _rd.ConfSetDrMsgCb(conf, &OnDelivery);
            _rd.ConfSetLogCb(conf, &OnLog);
            var errstr = stackalloc byte[512];
            _rk = _rd.New(RdKafka.ProducerType, conf, errstr, 512);
            if (_rk == IntPtr.Zero)
                throw new InvalidOperationException("librdkafka refused to create the producer: " + Marshal.PtrToStringUTF8((IntPtr)errstr));
            conf = IntPtr.Zero; // owned by the producer now
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
        _poller = new Thread(PollLoop) { IsBackground = true, Name = "kr-producer-poll" };
        _poller.Start();
    }

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
        var last = "no answer";
        int[]? partitions = null;
        // Each attempt blocks in librdkafka for up to 5 s (or what is left), so the count bounds only fast failures.
        for (var attempt = 0; attempt < 1_000 && partitions is null && RemainingMs() > 0; attempt++)
        {
            RdKafkaMetadata* metadata = null;
            var err = _rd.Metadata(_rk, 0, _rkt, &metadata, Math.Max(100, RemainingMs()));
            if (err != 0)
            {
                last = _rd.ErrorText(err);
                continue;
            }
            try
            {
                partitions = Partitions(metadata, out last);
            }
            finally
            {
                _rd.MetadataDestroy(metadata);
            }
        }
        if (partitions is null)
            throw new TimeoutException($"Topic '{_topic}' did not show its partitions within {timeout.TotalSeconds:0.#}s at {_bootstrapServers} (last: {last}). Create it before starting workloads.");
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

    /// <summary>The partition ids of the one topic asked for, or null with the reason when it is not ready (missing, no partitions, a partition without a leader).</summary>
    private static int[]? Partitions(RdKafkaMetadata* metadata, out string notReady)
    {
        if (metadata->TopicCount < 1)
        {
            notReady = "topic not in metadata";
            return null;
        }
        var topic = (RdKafkaMetadataTopic*)metadata->Topics;
        if (topic->Err != 0)
        {
            notReady = RdKafka.Instance.ErrorText(topic->Err);
            return null;
        }
        if (topic->PartitionCount < 1)
        {
            notReady = "no partitions";
            return null;
        }
        var partitions = new int[topic->PartitionCount];
        var all = (RdKafkaMetadataPartition*)topic->Partitions;
        for (var i = 0; i < partitions.Length; i++)
        {
            if (all[i].Leader < 0)
            {
                notReady = $"partition {all[i].Id} has no leader";
                return null;
            }
            partitions[i] = all[i].Id;
        }
        notReady = "";
        return partitions;
    }

    /// <summary>Delivery reports that could not be attributed or recorded (should stay 0).</summary>
    public long CallbackErrors => Volatile.Read(ref _callbackErrors);

    /// <summary>Messages queued or in flight, not yet reported.</summary>
    public int Outstanding => _rk == IntPtr.Zero ? 0 : _rd.OutqLen(_rk);

    /// <summary>Enqueues one message (copied); returns 0 or librdkafka's error code (e.g. queue full).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int TrySend(int streamIndex, int partition, byte* payload, int length, byte* key, int keyLength)
    {
        if (_rd.Produce(_rkt, partition, RdKafka.MsgFlagCopy, payload, (nuint)length, key, (nuint)keyLength, streamIndex) == 0)
            return 0;
        return _rd.LastError();
    }

    public string ErrorText(int err) => _rd.ErrorText(err);

    /// <summary>Waits for outstanding reports; what is left after <paramref name="timeout"/> is purged (queued: failed; in flight: unknown).</summary>
    public void FlushAndPurge(TimeSpan timeout)
    {
        if (_rk == IntPtr.Zero) return;
        var deadline = _clock.GetTimestamp() + (long)(timeout.TotalSeconds * _clock.TimestampFrequency);
        while (_rd.OutqLen(_rk) > 0 && _clock.GetTimestamp() < deadline)
            _rd.Flush(_rk, 100);
        if (_rd.OutqLen(_rk) > 0)
        {
            _log?.Invoke($"producer: {_rd.OutqLen(_rk)} messages still outstanding after {timeout.TotalSeconds:0}s; purging them");
            _rd.Purge(_rk, RdKafka.PurgeQueue | RdKafka.PurgeInflight);
            for (var i = 0; i < 50 && _rd.OutqLen(_rk) > 0; i++) _rd.Flush(_rk, 100);
        }
    }

    public void Dispose()
    {
        _stopPolling = true;
        if (_poller is { IsAlive: true } && !_poller.Join(TimeSpan.FromSeconds(10)))
            _log?.Invoke("producer: poll thread did not stop within 10 s");
        if (_rkt != IntPtr.Zero) { _rd.TopicDestroy(_rkt); _rkt = IntPtr.Zero; }
        if (_rk != IntPtr.Zero)
        {
            _rd.Purge(_rk, RdKafka.PurgeQueue | RdKafka.PurgeInflight);
            _rd.Poll(_rk, 0);
            _rd.Destroy(_rk);
            _rk = IntPtr.Zero;
        }
        if (_self.IsAllocated) _self.Free();
    }

    private void PollLoop()
    {
        while (!_stopPolling)
            _rd.Poll(_rk, 50);
    }

    private void Set(IntPtr conf, string name, string value)
    {
        if (_rd.Set(conf, name, value) is { } error)
            throw new ArgumentException($"Producer setting '{name}' = '{value}' refused by librdkafka: {error.Error}");
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnDelivery(IntPtr rk, RdKafkaMessage* message, IntPtr opaque)
    {
        if (GCHandle.FromIntPtr(opaque).Target is not NativeProducer self) return;
        try
        {
            self.Delivered(message);
        }
        catch (Exception e)
        {
            if (Interlocked.Increment(ref self._callbackErrors) <= 3)
                self._log?.Invoke($"producer: delivery report could not be recorded: {e.GetType().Name}: {e.Message}");
        }
    }

    private void Delivered(RdKafkaMessage* message)
    {
        var now = _clock.GetTimestamp();
        var stream = (int)message->Opaque;
        if ((uint)stream >= (uint)_streams.Length || !PayloadFormat.TryRead(new ReadOnlySpan<byte>((void*)message->Payload, (int)message->Length), out var header))
        {
            Interlocked.Increment(ref _callbackErrors);
            return;
        }
        SendOutcome outcome;
        var possiblyPersisted = false;
        if (message->Err == 0)
        {
            outcome = SendOutcome.Ok;
            possiblyPersisted = _rd.MessageStatus(message) != RdKafka.StatusPersisted;
        }
        else if (message->Err == RdKafka.ErrMsgTimedOut)
            outcome = SendOutcome.Unknown; // a timeout never tells whether the broker wrote it
        else
            outcome = _rd.MessageStatus(message) == RdKafka.StatusNotPersisted ? SendOutcome.Failed : SendOutcome.Unknown;
        _streams[stream].Outcome(header.Sequence, outcome, message->Partition, message->Offset, header.SentTicks, now, possiblyPersisted);
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
