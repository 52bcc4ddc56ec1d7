using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace KafkaResilience.Workloads.Native;

/// <summary>
/// The few librdkafka C functions the producer calls directly (its hot path, and the metadata and
/// offset queries that connect it before the clock starts), bound to the same
/// librdkafka image Confluent.Kafka loaded (one copy of the library per process). Going around
/// Confluent's typed producer removes its per-message allocations (delivery handler, report,
/// message objects), which is what lets a send with full history recording keep up with kcat.
/// </summary>
internal sealed unsafe class RdKafka
{
    public const int ProducerType = 0;
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
        Confluent.Kafka.Library.Load();
        _ = Confluent.Kafka.Library.VersionString;
        var path = LoadedPath() ?? throw new DllNotFoundException("Confluent.Kafka reports librdkafka loaded, but no module named *librdkafka* is mapped in this process.");
        var lib = NativeLibrary.Load(path);
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
        };
    }

    private static string? LoadedPath()
    {
        // On Linux the process's own map says it without loading System.Diagnostics.Process (which costs
        // start-up time and memory in a short run); elsewhere, the module list.
        if (OperatingSystem.IsLinux() && File.Exists("/proc/self/maps"))
        {
            foreach (var line in File.ReadLines("/proc/self/maps"))
            {
                var slash = line.IndexOf('/');
                if (slash > 0 && IsLibrdkafka(line[slash..])) return line[slash..].TrimEnd();
            }
            return null;
        }
        using var process = Process.GetCurrentProcess();
        foreach (ProcessModule module in process.Modules)
            if (IsLibrdkafka(module.FileName)) return module.FileName;
        return null;
    }

    private static bool IsLibrdkafka(string? path)
    {
        var name = Path.GetFileName(path);
        return name is not null && name.Contains("librdkafka", StringComparison.OrdinalIgnoreCase)
            && (name.EndsWith(".so", StringComparison.Ordinal) || name.Contains(".so.", StringComparison.Ordinal)
                || name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".dylib", StringComparison.Ordinal));
    }
}
