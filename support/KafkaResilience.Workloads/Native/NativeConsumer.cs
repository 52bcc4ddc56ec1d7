using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Native;

/// <summary>
/// One librdkafka consumer driven through the C API, for one thread: subscribe (or assign by hand), poll,
/// seek, commit, close. Each poll reads the record's partition, offset and payload header straight from
/// librdkafka's buffer and frees the message at once: nothing is allocated per record (Confluent's typed
/// consumer made a result, a message and a topic-partition object for each). Rebalances apply the assignment
/// the way Confluent's consumer does (eager or cooperative, as the group's protocol says) after telling the
/// handlers. <see cref="Dispose"/> without <see cref="Close"/> leaves as a crash does: no final commit, no
/// LeaveGroup, the group notices after session.timeout.ms.
/// </summary>
internal sealed unsafe class NativeConsumer : IDisposable
{
    private const int SeekTimeoutMs = 10_000;

    private readonly RdKafka _rd = RdKafka.Instance;
    private readonly NativeConsumerHandlers _handlers;
    private readonly Dictionary<string, byte[]> _names = new(StringComparer.Ordinal);
    private GCHandle _self;
    private IntPtr _rk;
    private volatile bool _disposing;
    private Exception? _handlerFailure;
    private IntPtr _lastTopicHandle;
    private string? _lastTopicName;

    /// <summary>Creates the client from librdkafka settings (names starting "dotnet." are Confluent's wrapper's and are left out).</summary>
    public NativeConsumer(IReadOnlyDictionary<string, string> settings, NativeConsumerHandlers handlers)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _handlers = handlers ?? throw new ArgumentNullException(nameof(handlers));
        _self = GCHandle.Alloc(this);
        var conf = _rd.ConfNew();
        try
        {
            foreach (var (name, value) in settings)
            {
                if (name.StartsWith("dotnet.", StringComparison.Ordinal)) continue;
                if (_rd.Set(conf, name, value) is { } error)
                    throw new ArgumentException($"Consumer setting '{name}' = '{value}' refused by librdkafka: {error.Error}");
            }
            _rd.ConfSetOpaque(conf, GCHandle.ToIntPtr(_self));
            _rd.ConfSetRebalanceCb(conf, &OnRebalance);
            _rd.ConfSetErrorCb(conf, &OnError);
            _rd.ConfSetLogCb(conf, &OnLog);
            var errstr = stackalloc byte[512];
            _rk = _rd.New(RdKafka.ConsumerType, conf, errstr, 512);
            if (_rk == IntPtr.Zero)
                throw new ArgumentException("librdkafka refused to create the consumer: " + Marshal.PtrToStringUTF8((IntPtr)errstr));
            conf = IntPtr.Zero; // owned by the consumer now
            // Errors and other events come through the consumer's poll, as with Confluent's consumer.
            if (_rd.PollSetConsumer(_rk) is var err and not 0)
                throw new InvalidOperationException($"librdkafka could not route the consumer's events to its poll: {_rd.ErrorText(err)}");
        }
        catch
        {
            if (conf != IntPtr.Zero) _rd.ConfDestroy(conf);
            Dispose();
            throw;
        }
    }

    /// <summary>Joins the group for <paramref name="topic"/> (a name, or a pattern starting with '^').</summary>
    public void Subscribe(string topic)
    {
        var list = List([topic], [-1], offset: null);
        try
        {
            Check(_rd.Subscribe(_rk, list), $"subscribe to '{topic}'");
        }
        finally
        {
            _rd.PartitionListDestroy(list);
        }
    }

    /// <summary>Reads <paramref name="partitions"/> of <paramref name="topic"/> without a group, from <paramref name="offset"/> (<see cref="RdKafka.OffsetBeginning"/> or <see cref="RdKafka.OffsetEnd"/>).</summary>
    public void Assign(string topic, IReadOnlyList<int> partitions, long offset)
    {
        var list = List(partitions.Select(_ => topic).ToArray(), partitions, offset);
        try
        {
            Check(_rd.Assign(_rk, list), $"assign {partitions.Count} partition(s) of '{topic}'");
        }
        finally
        {
            _rd.PartitionListDestroy(list);
        }
    }

    /// <summary>
    /// Waits up to <paramref name="timeoutMs"/> for the next record, end of partition or error (rebalance handlers
    /// run inside). The topic name is read only when <paramref name="withTopicName"/> (a pattern subscription needs
    /// it); otherwise <see cref="ConsumedRecord.Topic"/> is null. Throws what a rebalance handler threw.
    /// </summary>
    public ConsumedRecord Poll(int timeoutMs, bool withTopicName)
    {
        var message = _rd.ConsumerPoll(_rk, timeoutMs);
        try
        {
            if (Interlocked.Exchange(ref _handlerFailure, null) is { } failure)
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            if (message == null) return default;
            if (message->Err == RdKafka.ErrPartitionEof)
                return new ConsumedRecord(ConsumedKind.PartitionEof, null, message->Partition, message->Offset, false, default, 0, null);
            if (message->Err != 0)
            {
                // As rd_kafka_message_errstr (an inline function, not exported): the payload holds the reason when there is one.
                var reason = message->Payload != IntPtr.Zero && message->Length > 0
                    ? Marshal.PtrToStringUTF8(message->Payload, (int)message->Length)
                    : _rd.ErrorText(message->Err);
                return new ConsumedRecord(ConsumedKind.Error, null, message->Partition, message->Offset, false, default, 0, $"{_rd.ErrorName(message->Err)}: {reason}");
            }
            var length = (int)message->Length;
            PayloadHeader header = default;
            var ours = message->Payload != IntPtr.Zero && PayloadFormat.TryRead(new ReadOnlySpan<byte>((void*)message->Payload, length), out header);
            var topic = withTopicName ? NameOf(message->Topic) : null;
            return new ConsumedRecord(ConsumedKind.Record, topic, message->Partition, message->Offset, ours, ours ? header : default, length, null);
        }
        finally
        {
            if (message != null) _rd.MessageDestroy(message);
        }
    }

    /// <summary>Moves the read position of one held partition (waits up to 10 s for the fetcher to take it).</summary>
    public void Seek(string topic, int partition, long offset)
    {
        var list = List([topic], [partition], offset);
        try
        {
            if (_rd.TakeError(_rd.SeekPartitions(_rk, list, SeekTimeoutMs)) is { } error)
                throw new InvalidOperationException($"seek of {topic}-{partition} to {offset} failed: {error}");
            if (list->Elements[0].Err is var err and not 0)
                throw new InvalidOperationException($"seek of {topic}-{partition} to {offset} failed: {_rd.ErrorText(err)}");
        }
        finally
        {
            _rd.PartitionListDestroy(list);
        }
    }

    /// <summary>The partition's offsets as the client last saw them (no request): -1001 each while unknown.</summary>
    public (long Low, long High) CachedWatermarks(string topic, int partition)
    {
        long low = -1001, high = -1001;
        fixed (byte* name = NameBytes(topic)) _rd.GetWatermarkOffsets(_rk, name, partition, &low, &high);
        return (low, high);
    }

    /// <summary>The partition's log-start and end offsets as its leader says them now; throws naming the partition on failure.</summary>
    public (long Low, long High) QueryWatermarks(string topic, int partition, TimeSpan timeout)
    {
        long low = -1, high = -1;
        int err;
        fixed (byte* name = NameBytes(topic)) err = _rd.QueryWatermarkOffsets(_rk, name, partition, &low, &high, (int)Math.Clamp(timeout.TotalMilliseconds, 1, int.MaxValue));
        if (err != 0) throw new InvalidOperationException($"the offsets of {topic}-{partition} could not be read within {timeout.TotalSeconds:0.#}s: {_rd.ErrorText(err)}");
        return (low, high);
    }

    /// <summary>Commits the offsets consumed so far and waits for the answer; returns librdkafka's error code (0 on success).</summary>
    public int Commit() => _rd.Commit(_rk, null, 0);

    public string ErrorName(int err) => _rd.ErrorName(err);

    public string ErrorText(int err) => _rd.ErrorText(err);

    /// <summary>Leaves cleanly: revokes the assignment (the handlers run), commits per enable.auto.commit, sends LeaveGroup.</summary>
    public void Close()
    {
        var err = _rd.ConsumerClose(_rk);
        if (Interlocked.Exchange(ref _handlerFailure, null) is { } failure)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        if (err != 0) throw new InvalidOperationException($"the consumer did not close cleanly: {_rd.ErrorText(err)}");
    }

    /// <summary>Frees the client without closing it (no commit, no LeaveGroup); no handler is called meanwhile.</summary>
    public void Dispose()
    {
        _disposing = true;
        if (_rk != IntPtr.Zero)
        {
            _rd.DestroyFlags(_rk, RdKafka.DestroyNoConsumerClose);
            _rk = IntPtr.Zero;
        }
        if (_self.IsAllocated) _self.Free();
    }

    private RdKafkaPartitionList* List(string[] topics, IReadOnlyList<int> partitions, long? offset)
    {
        var list = _rd.PartitionListNew(Math.Max(1, partitions.Count));
        for (var i = 0; i < partitions.Count; i++)
        {
            RdKafkaTopicPartition* added;
            fixed (byte* name = NameBytes(topics[i])) added = _rd.PartitionListAdd(list, name, partitions[i]);
            if (offset is { } o) added->Offset = o;
        }
        return list;
    }

    private byte[] NameBytes(string topic)
    {
        lock (_names)
        {
            if (!_names.TryGetValue(topic, out var bytes)) _names[topic] = bytes = Encoding.UTF8.GetBytes(topic + "\0");
            return bytes;
        }
    }

    /// <summary>A record's topic name, from its topic handle; records come in runs of one topic, so the last one is kept.</summary>
    private string? NameOf(IntPtr topicHandle)
    {
        if (topicHandle == IntPtr.Zero) return null;
        if (topicHandle != _lastTopicHandle || _lastTopicName is null)
        {
            _lastTopicName = Marshal.PtrToStringUTF8((IntPtr)_rd.TopicName(topicHandle));
            _lastTopicHandle = topicHandle;
        }
        return _lastTopicName;
    }

    private void Check(int err, string what)
    {
        if (err != 0) throw new InvalidOperationException($"The consumer could not {what}: {_rd.ErrorText(err)}");
    }

    private static List<(string Topic, int Partition)> Read(RdKafkaPartitionList* list)
    {
        var parts = new List<(string Topic, int Partition)>(list == null ? 0 : list->Count);
        for (var i = 0; list != null && i < list->Count; i++)
            parts.Add((Marshal.PtrToStringUTF8(list->Elements[i].Topic) ?? "", list->Elements[i].Partition));
        return parts;
    }

    private static NativeConsumer? Of(IntPtr opaque) =>
        opaque != IntPtr.Zero && GCHandle.FromIntPtr(opaque).Target is NativeConsumer { _disposing: false } self ? self : null;

    private void Rebalance(int err, RdKafkaPartitionList* partitions)
    {
        var cooperative = Marshal.PtrToStringUTF8((IntPtr)_rd.RebalanceProtocol(_rk)) == "COOPERATIVE";
        var assign = err == RdKafka.ErrAssignPartitions;
        try
        {
            var parts = Read(partitions);
            if (assign) _handlers.Assigned?.Invoke(parts);
            else if (err == RdKafka.ErrRevokePartitions)
            {
                if (_rd.AssignmentLost(_rk) != 0 && _handlers.Lost is { } lost) lost(parts);
                else _handlers.Revoked?.Invoke(parts);
            }
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _handlerFailure, e, null);
        }
        // The assignment is applied whatever a handler did, or the group waits for this member.
        string? failed;
        if (assign) failed = cooperative ? _rd.TakeError(_rd.IncrementalAssign(_rk, partitions)) : ErrorOf(_rd.Assign(_rk, partitions));
        else failed = cooperative ? _rd.TakeError(_rd.IncrementalUnassign(_rk, partitions)) : ErrorOf(_rd.Assign(_rk, null));
        if (failed is not null)
            Interlocked.CompareExchange(ref _handlerFailure, new InvalidOperationException($"The consumer could not apply its new assignment: {failed}"), null);
    }

    private string? ErrorOf(int err) => err == 0 ? null : _rd.ErrorText(err);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnRebalance(IntPtr rk, int err, RdKafkaPartitionList* partitions, IntPtr opaque)
    {
        // Called inside a poll or close on the owner's thread; a disposing consumer is destroyed without a close, so none comes then.
        if (opaque != IntPtr.Zero && GCHandle.FromIntPtr(opaque).Target is NativeConsumer self) self.Rebalance(err, partitions);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnError(IntPtr rk, int err, byte* reason, IntPtr opaque)
    {
        try
        {
            if (Of(opaque) is { _handlers.Error: { } handler } self)
                handler(self._rd.ErrorName(err), Marshal.PtrToStringUTF8((IntPtr)reason) ?? "");
        }
        catch
        {
            // An exception must not unwind into librdkafka; the handler only notes what it is told.
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(IntPtr rk, int level, byte* facility, byte* text)
    {
        try
        {
            if (rk != IntPtr.Zero && Of(RdKafka.Instance.Opaque(rk)) is { _handlers.Log: { } handler })
                handler(level, Marshal.PtrToStringUTF8((IntPtr)facility) ?? "", Marshal.PtrToStringUTF8((IntPtr)text) ?? "");
        }
        catch
        {
            // As above: never unwind into librdkafka's threads.
        }
    }
}
