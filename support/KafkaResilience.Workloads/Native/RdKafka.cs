using System.Runtime.InteropServices;
using System.Text;
using KafkaResilience.Cluster.Native;

namespace KafkaResilience.Workloads.Native;

/// <summary>
/// The librdkafka C functions the workloads call directly: the producer's hot path, the consumer's poll loop,
/// and the metadata and offset queries that connect them before the clock starts, bound to the process's one
/// librdkafka image (<see cref="LibrdkafkaLibrary"/>). Going around Confluent's typed clients removes their
/// per-message allocations (delivery handler, report, message and result objects), which is what lets a run
/// with full history recording keep up with kcat, and keeps Confluent.Kafka's reflection out of the NativeAOT
/// command line.
/// </summary>
internal sealed unsafe class RdKafka
{
    public const int ProducerType = 0;
    public const int ConsumerType = 1;
    public const int ErrPartitionEof = -191;
    public const int ErrAssignPartitions = -175;
    public const int ErrRevokePartitions = -174;
    public const int ErrNoOffset = -168;
    public const long OffsetBeginning = -2;
    public const long OffsetEnd = -1;
    /// <summary>rd_kafka_destroy_flags: leave without closing the consumer (no final commit, no LeaveGroup), as a crash does.</summary>
    public const int DestroyNoConsumerClose = 0x8;
    public const int PartitionUnassigned = -1;
    public const int MsgFlagCopy = 0x2;
    public const int EventDr = 0x1;
    public const int ErrQueueFull = -184;
    public const int ErrMsgTimedOut = -192;
    public const int ErrPurgeQueue = -152;
    public const int ErrPurgeInflight = -151;
    public const int ConfUnknown = -2;
    public const int StatusNotPersisted = 0;
    public const int StatusPersisted = 2;
    public const int PurgeQueue = 0x1;
    public const int PurgeInflight = 0x2;

    private static readonly Lazy<RdKafka> Shared = new(Bind, LazyThreadSafetyMode.ExecutionAndPublication);

    public static RdKafka Instance => Shared.Value;

    public delegate* unmanaged[Cdecl]<IntPtr> ConfNew;
    public delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, byte*, nuint, int> ConfSet;
    public delegate* unmanaged[Cdecl]<IntPtr, delegate* unmanaged[Cdecl]<IntPtr, int, byte*, byte*, void>, void> ConfSetLogCb;
    public delegate* unmanaged[Cdecl]<IntPtr, IntPtr, void> ConfSetOpaque;
    public delegate* unmanaged[Cdecl]<IntPtr, void> ConfDestroy;
    public delegate* unmanaged[Cdecl]<IntPtr, nuint*, byte**> ConfDump;
    public delegate* unmanaged[Cdecl]<byte**, nuint, void> ConfDumpFree;
    public delegate* unmanaged[Cdecl]<int, IntPtr, byte*, nuint, IntPtr> New;
    public delegate* unmanaged[Cdecl]<IntPtr, void> Destroy;
    public delegate* unmanaged[Cdecl]<IntPtr, byte*, IntPtr, IntPtr> TopicNew;
    public delegate* unmanaged[Cdecl]<IntPtr, void> TopicDestroy;
    public delegate* unmanaged[Cdecl]<IntPtr, int, int, RdKafkaMessage*, int, int> ProduceBatch;
    public delegate* unmanaged[Cdecl]<IntPtr, int, void> ConfSetEvents;
    public delegate* unmanaged[Cdecl]<IntPtr, IntPtr> QueueGetMain;
    public delegate* unmanaged[Cdecl]<IntPtr, void> QueueDestroy;
    public delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr> QueuePoll;
    // Reads of a field: no GC transition needed (short, never blocks, never calls back).
    public delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int> EventType;
    public delegate* unmanaged[Cdecl]<IntPtr, RdKafkaMessage**, nuint, nuint> EventMessageArray;
    public delegate* unmanaged[Cdecl]<IntPtr, void> EventDestroy;
    public delegate* unmanaged[Cdecl]<int> LastError;
    public delegate* unmanaged[Cdecl]<IntPtr, int, int> Purge;
    public delegate* unmanaged[Cdecl]<IntPtr, int> OutqLen;
    public delegate* unmanaged[Cdecl, SuppressGCTransition]<RdKafkaMessage*, int> MessageStatus;
    public delegate* unmanaged[Cdecl]<int, byte*> Err2Str;
    public delegate* unmanaged[Cdecl]<IntPtr, IntPtr> Opaque;
    public delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr, RdKafkaMetadata**, int, int> Metadata;
    public delegate* unmanaged[Cdecl]<RdKafkaMetadata*, void> MetadataDestroy;
    public delegate* unmanaged[Cdecl]<IntPtr, byte*, int, long*, long*, int, int> QueryWatermarkOffsets;

    // The consumer's (NativeConsumer).
    public delegate* unmanaged[Cdecl]<IntPtr, delegate* unmanaged[Cdecl]<IntPtr, int, RdKafkaPartitionList*, IntPtr, void>, void> ConfSetRebalanceCb;
    public delegate* unmanaged[Cdecl]<IntPtr, delegate* unmanaged[Cdecl]<IntPtr, int, byte*, IntPtr, void>, void> ConfSetErrorCb;
    public delegate* unmanaged[Cdecl]<IntPtr, int> PollSetConsumer;
    public delegate* unmanaged[Cdecl]<IntPtr, RdKafkaPartitionList*, int> Subscribe;
    public delegate* unmanaged[Cdecl]<IntPtr, RdKafkaPartitionList*, int> Assign;
    public delegate* unmanaged[Cdecl]<IntPtr, RdKafkaPartitionList*, IntPtr> IncrementalAssign;
    public delegate* unmanaged[Cdecl]<IntPtr, RdKafkaPartitionList*, IntPtr> IncrementalUnassign;
    public delegate* unmanaged[Cdecl]<IntPtr, byte*> RebalanceProtocol;
    public delegate* unmanaged[Cdecl]<IntPtr, int> AssignmentLost;
    public delegate* unmanaged[Cdecl]<int, RdKafkaPartitionList*> PartitionListNew;
    public delegate* unmanaged[Cdecl]<RdKafkaPartitionList*, byte*, int, RdKafkaTopicPartition*> PartitionListAdd;
    public delegate* unmanaged[Cdecl]<RdKafkaPartitionList*, void> PartitionListDestroy;
    public delegate* unmanaged[Cdecl]<IntPtr, int, RdKafkaMessage*> ConsumerPoll;
    public delegate* unmanaged[Cdecl]<RdKafkaMessage*, void> MessageDestroy;
    public delegate* unmanaged[Cdecl]<IntPtr, byte*> TopicName;
    public delegate* unmanaged[Cdecl]<IntPtr, byte*, int, long*, long*, int> GetWatermarkOffsets;
    public delegate* unmanaged[Cdecl]<IntPtr, RdKafkaPartitionList*, int, IntPtr> SeekPartitions;
    public delegate* unmanaged[Cdecl]<IntPtr, RdKafkaPartitionList*, int, int> Commit;
    public delegate* unmanaged[Cdecl]<IntPtr, int> ConsumerClose;
    public delegate* unmanaged[Cdecl]<IntPtr, int, void> DestroyFlags;
    public delegate* unmanaged[Cdecl]<IntPtr, byte*> ErrorString;
    public delegate* unmanaged[Cdecl]<IntPtr, void> ErrorDestroy;
    public delegate* unmanaged[Cdecl]<int, byte*> Err2Name;

    /// <summary>librdkafka's name of an error code (e.g. "_TRANSPORT", "UNKNOWN_TOPIC_OR_PART").</summary>
    public string ErrorName(int err) => Marshal.PtrToStringUTF8((IntPtr)Err2Name(err)) ?? err.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The text of an <c>rd_kafka_error_t</c> (null for none), which is then destroyed.</summary>
    public string? TakeError(IntPtr error)
    {
        if (error == IntPtr.Zero) return null;
        try
        {
            return Marshal.PtrToStringUTF8((IntPtr)ErrorString(error)) ?? "unknown error";
        }
        finally
        {
            ErrorDestroy(error);
        }
    }

    public string ErrorText(int err) => Marshal.PtrToStringUTF8((IntPtr)Err2Str(err)) ?? $"error {err}";

    /// <summary>Every configuration property name librdkafka knows (from a fresh configuration's dump).</summary>
    public IReadOnlyList<string> PropertyNames()
    {
        var conf = ConfNew();
        try
        {
            return DumpNames(conf);
        }
        finally
        {
            ConfDestroy(conf);
        }
    }

    /// <summary>Creates a fresh configuration (free it with <see cref="DestroyConf"/>).</summary>
    public IntPtr NewConf() => ConfNew();

    public void DestroyConf(IntPtr conf) => ConfDestroy(conf);

    private List<string> DumpNames(IntPtr conf)
    {
            nuint count;
            var dump = ConfDump(conf, &count);
            var names = new List<string>();
            for (nuint i = 0; i < count; i += 2)
                names.Add(Marshal.PtrToStringUTF8((IntPtr)dump[i])!);
            ConfDumpFree(dump, count);
            return names;
    }

    /// <summary>Sets one property; returns null on success or librdkafka's error text and code.</summary>
    public (int Code, string Error)? Set(IntPtr conf, string name, string value)
    {
        var errstr = stackalloc byte[512];
        var n = Encoding.UTF8.GetBytes(name + "\0");
        var v = Encoding.UTF8.GetBytes(value + "\0");
        fixed (byte* pn = n)
        fixed (byte* pv = v)
        {
            var result = ConfSet(conf, pn, pv, errstr, 512);
            return result == 0 ? null : (result, Marshal.PtrToStringUTF8((IntPtr)errstr) ?? "");
        }
    }

    private static RdKafka Bind()
    {
        var (_, lib) = LibrdkafkaLibrary.Acquire();
        IntPtr F(string name) => NativeLibrary.GetExport(lib, name);
        return new RdKafka
        {
            ConfNew = (delegate* unmanaged[Cdecl]<IntPtr>)F("rd_kafka_conf_new"),
            ConfSet = (delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, byte*, nuint, int>)F("rd_kafka_conf_set"),
            ConfSetLogCb = (delegate* unmanaged[Cdecl]<IntPtr, delegate* unmanaged[Cdecl]<IntPtr, int, byte*, byte*, void>, void>)F("rd_kafka_conf_set_log_cb"),
            ConfSetOpaque = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, void>)F("rd_kafka_conf_set_opaque"),
            ConfDestroy = (delegate* unmanaged[Cdecl]<IntPtr, void>)F("rd_kafka_conf_destroy"),
            ConfDump = (delegate* unmanaged[Cdecl]<IntPtr, nuint*, byte**>)F("rd_kafka_conf_dump"),
            ConfDumpFree = (delegate* unmanaged[Cdecl]<byte**, nuint, void>)F("rd_kafka_conf_dump_free"),
            New = (delegate* unmanaged[Cdecl]<int, IntPtr, byte*, nuint, IntPtr>)F("rd_kafka_new"),
            Destroy = (delegate* unmanaged[Cdecl]<IntPtr, void>)F("rd_kafka_destroy"),
            TopicNew = (delegate* unmanaged[Cdecl]<IntPtr, byte*, IntPtr, IntPtr>)F("rd_kafka_topic_new"),
            TopicDestroy = (delegate* unmanaged[Cdecl]<IntPtr, void>)F("rd_kafka_topic_destroy"),
            ProduceBatch = (delegate* unmanaged[Cdecl]<IntPtr, int, int, RdKafkaMessage*, int, int>)F("rd_kafka_produce_batch"),
            ConfSetEvents = (delegate* unmanaged[Cdecl]<IntPtr, int, void>)F("rd_kafka_conf_set_events"),
            QueueGetMain = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr>)F("rd_kafka_queue_get_main"),
            QueueDestroy = (delegate* unmanaged[Cdecl]<IntPtr, void>)F("rd_kafka_queue_destroy"),
            QueuePoll = (delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr>)F("rd_kafka_queue_poll"),
            EventType = (delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int>)F("rd_kafka_event_type"),
            EventMessageArray = (delegate* unmanaged[Cdecl]<IntPtr, RdKafkaMessage**, nuint, nuint>)F("rd_kafka_event_message_array"),
            EventDestroy = (delegate* unmanaged[Cdecl]<IntPtr, void>)F("rd_kafka_event_destroy"),
            LastError = (delegate* unmanaged[Cdecl]<int>)F("rd_kafka_last_error"),
            Purge = (delegate* unmanaged[Cdecl]<IntPtr, int, int>)F("rd_kafka_purge"),
            OutqLen = (delegate* unmanaged[Cdecl]<IntPtr, int>)F("rd_kafka_outq_len"),
            MessageStatus = (delegate* unmanaged[Cdecl, SuppressGCTransition]<RdKafkaMessage*, int>)F("rd_kafka_message_status"),
            Err2Str = (delegate* unmanaged[Cdecl]<int, byte*>)F("rd_kafka_err2str"),
            Opaque = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr>)F("rd_kafka_opaque"),
            Metadata = (delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr, RdKafkaMetadata**, int, int>)F("rd_kafka_metadata"),
            MetadataDestroy = (delegate* unmanaged[Cdecl]<RdKafkaMetadata*, void>)F("rd_kafka_metadata_destroy"),
            QueryWatermarkOffsets = (delegate* unmanaged[Cdecl]<IntPtr, byte*, int, long*, long*, int, int>)F("rd_kafka_query_watermark_offsets"),
            ConfSetRebalanceCb = (delegate* unmanaged[Cdecl]<IntPtr, delegate* unmanaged[Cdecl]<IntPtr, int, RdKafkaPartitionList*, IntPtr, void>, void>)F("rd_kafka_conf_set_rebalance_cb"),
            ConfSetErrorCb = (delegate* unmanaged[Cdecl]<IntPtr, delegate* unmanaged[Cdecl]<IntPtr, int, byte*, IntPtr, void>, void>)F("rd_kafka_conf_set_error_cb"),
            PollSetConsumer = (delegate* unmanaged[Cdecl]<IntPtr, int>)F("rd_kafka_poll_set_consumer"),
            Subscribe = (delegate* unmanaged[Cdecl]<IntPtr, RdKafkaPartitionList*, int>)F("rd_kafka_subscribe"),
            Assign = (delegate* unmanaged[Cdecl]<IntPtr, RdKafkaPartitionList*, int>)F("rd_kafka_assign"),
            IncrementalAssign = (delegate* unmanaged[Cdecl]<IntPtr, RdKafkaPartitionList*, IntPtr>)F("rd_kafka_incremental_assign"),
            IncrementalUnassign = (delegate* unmanaged[Cdecl]<IntPtr, RdKafkaPartitionList*, IntPtr>)F("rd_kafka_incremental_unassign"),
            RebalanceProtocol = (delegate* unmanaged[Cdecl]<IntPtr, byte*>)F("rd_kafka_rebalance_protocol"),
            AssignmentLost = (delegate* unmanaged[Cdecl]<IntPtr, int>)F("rd_kafka_assignment_lost"),
            PartitionListNew = (delegate* unmanaged[Cdecl]<int, RdKafkaPartitionList*>)F("rd_kafka_topic_partition_list_new"),
            PartitionListAdd = (delegate* unmanaged[Cdecl]<RdKafkaPartitionList*, byte*, int, RdKafkaTopicPartition*>)F("rd_kafka_topic_partition_list_add"),
            PartitionListDestroy = (delegate* unmanaged[Cdecl]<RdKafkaPartitionList*, void>)F("rd_kafka_topic_partition_list_destroy"),
            ConsumerPoll = (delegate* unmanaged[Cdecl]<IntPtr, int, RdKafkaMessage*>)F("rd_kafka_consumer_poll"),
            MessageDestroy = (delegate* unmanaged[Cdecl]<RdKafkaMessage*, void>)F("rd_kafka_message_destroy"),
            TopicName = (delegate* unmanaged[Cdecl]<IntPtr, byte*>)F("rd_kafka_topic_name"),
            GetWatermarkOffsets = (delegate* unmanaged[Cdecl]<IntPtr, byte*, int, long*, long*, int>)F("rd_kafka_get_watermark_offsets"),
            SeekPartitions = (delegate* unmanaged[Cdecl]<IntPtr, RdKafkaPartitionList*, int, IntPtr>)F("rd_kafka_seek_partitions"),
            Commit = (delegate* unmanaged[Cdecl]<IntPtr, RdKafkaPartitionList*, int, int>)F("rd_kafka_commit"),
            ConsumerClose = (delegate* unmanaged[Cdecl]<IntPtr, int>)F("rd_kafka_consumer_close"),
            DestroyFlags = (delegate* unmanaged[Cdecl]<IntPtr, int, void>)F("rd_kafka_destroy_flags"),
            ErrorString = (delegate* unmanaged[Cdecl]<IntPtr, byte*>)F("rd_kafka_error_string"),
            ErrorDestroy = (delegate* unmanaged[Cdecl]<IntPtr, void>)F("rd_kafka_error_destroy"),
            Err2Name = (delegate* unmanaged[Cdecl]<int, byte*>)F("rd_kafka_err2name"),
        };
    }
}
