using System.Runtime.InteropServices;
using KafkaResilience.Cluster.Native;

namespace KafkaResilience.Embedded.Native;

/// <summary>
/// The librdkafka C functions the embedded cluster calls (<c>rd_kafka_*</c> and <c>rd_kafka_mock_*</c>),
/// bound as function pointers to the process's one librdkafka image (see <see cref="LibrdkafkaLibrary"/>).
/// Variadic C functions are only ever called through their <c>_array</c> variants; strings the cluster
/// owns (<c>rd_kafka_mock_cluster_bootstraps</c>) are read, never freed. An instance owns one library
/// reference, released by <see cref="Dispose"/>.
/// </summary>
internal sealed unsafe class MockApi : IDisposable
{
    private const int ErrorBufferSize = 512;

    private readonly IntPtr _library;
    private readonly delegate* unmanaged[Cdecl]<IntPtr> _confNew;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, byte*, nuint, int> _confSet;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, void> _confDestroy;
    private readonly delegate* unmanaged[Cdecl]<int, IntPtr, byte*, nuint, IntPtr> _new;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, void> _destroy;
    private readonly delegate* unmanaged[Cdecl]<int, IntPtr> _err2Str;
    private readonly delegate* unmanaged[Cdecl]<IntPtr> _versionStr;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr, MockMetadata**, int, int> _metadata;
    private readonly delegate* unmanaged[Cdecl]<MockMetadata*, void> _metadataDestroy;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr> _clusterNew;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, void> _clusterDestroy;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr> _clusterBootstraps;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, int, int> _brokerAdd;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, int, int> _brokerDecommission;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, int, int> _brokerSetDown;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, int, int> _brokerSetUp;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, int, int, int> _brokerSetRtt;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, int, byte*, int, void> _brokerSetHostPort;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, int, int, int> _topicCreate;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, int, int, int> _partitionSetLeader;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, int, int> _coordinatorSet;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, int, void> _groupInitialRebalanceDelayMs;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, short, nuint, int*, void> _pushRequestErrorsArray;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, short, void> _clearRequestErrors;
    private int _disposed;
    private MockWakeups? _wakeups;

    public MockApi()
    {
        (LibraryPath, _library) = LibrdkafkaLibrary.Acquire();
        _confNew = (delegate* unmanaged[Cdecl]<IntPtr>)Export("rd_kafka_conf_new");
        _confSet = (delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, byte*, nuint, int>)Export("rd_kafka_conf_set");
        _confDestroy = (delegate* unmanaged[Cdecl]<IntPtr, void>)Export("rd_kafka_conf_destroy");
        _new = (delegate* unmanaged[Cdecl]<int, IntPtr, byte*, nuint, IntPtr>)Export("rd_kafka_new");
        _destroy = (delegate* unmanaged[Cdecl]<IntPtr, void>)Export("rd_kafka_destroy");
        _err2Str = (delegate* unmanaged[Cdecl]<int, IntPtr>)Export("rd_kafka_err2str");
        _versionStr = (delegate* unmanaged[Cdecl]<IntPtr>)Export("rd_kafka_version_str");
        _metadata = (delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr, MockMetadata**, int, int>)Export("rd_kafka_metadata");
        _metadataDestroy = (delegate* unmanaged[Cdecl]<MockMetadata*, void>)Export("rd_kafka_metadata_destroy");
        _clusterNew = (delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr>)Export("rd_kafka_mock_cluster_new");
        _clusterDestroy = (delegate* unmanaged[Cdecl]<IntPtr, void>)Export("rd_kafka_mock_cluster_destroy");
        _clusterBootstraps = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr>)Export("rd_kafka_mock_cluster_bootstraps");
        _brokerAdd = (delegate* unmanaged[Cdecl]<IntPtr, int, int>)Export("rd_kafka_mock_broker_add");
        _brokerDecommission = (delegate* unmanaged[Cdecl]<IntPtr, int, int>)Export("rd_kafka_mock_broker_decommission");
        _brokerSetDown = (delegate* unmanaged[Cdecl]<IntPtr, int, int>)Export("rd_kafka_mock_broker_set_down");
        _brokerSetUp = (delegate* unmanaged[Cdecl]<IntPtr, int, int>)Export("rd_kafka_mock_broker_set_up");
        _brokerSetRtt = (delegate* unmanaged[Cdecl]<IntPtr, int, int, int>)Export("rd_kafka_mock_broker_set_rtt");
        _brokerSetHostPort = (delegate* unmanaged[Cdecl]<IntPtr, int, byte*, int, void>)Export("rd_kafka_mock_broker_set_host_port");
        _topicCreate = (delegate* unmanaged[Cdecl]<IntPtr, byte*, int, int, int>)Export("rd_kafka_mock_topic_create");
        _partitionSetLeader = (delegate* unmanaged[Cdecl]<IntPtr, byte*, int, int, int>)Export("rd_kafka_mock_partition_set_leader");
        _coordinatorSet = (delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, int, int>)Export("rd_kafka_mock_coordinator_set");
        _groupInitialRebalanceDelayMs = (delegate* unmanaged[Cdecl]<IntPtr, int, void>)Export("rd_kafka_mock_group_initial_rebalance_delay_ms");
        _pushRequestErrorsArray = (delegate* unmanaged[Cdecl]<IntPtr, short, nuint, int*, void>)Export("rd_kafka_mock_push_request_errors_array");
        _clearRequestErrors = (delegate* unmanaged[Cdecl]<IntPtr, short, void>)Export("rd_kafka_mock_clear_request_errors");
    }

    /// <summary>Path of the librdkafka image in use (e.g. ".../centos8-librdkafka.so").</summary>
    public string LibraryPath { get; }

    /// <summary>librdkafka's version, e.g. "2.16.0".</summary>
    public string Version => Marshal.PtrToStringUTF8(_versionStr()) ?? "unknown";

    /// <summary>
    /// The brokers a client handle's Metadata answer lists (id, host, port), waiting up to <paramref name="timeoutMs"/>;
    /// null when no answer came in time.
    /// </summary>
    public IReadOnlyList<(int Id, string Host, int Port)>? Brokers(IntPtr handle, int timeoutMs)
    {
        MockMetadata* metadata = null;
        if (_metadata(handle, 0, IntPtr.Zero, &metadata, timeoutMs) != 0) return null;
        try
        {
            var brokers = new List<(int, string, int)>(metadata->BrokerCount);
            for (var i = 0; i < metadata->BrokerCount; i++)
                brokers.Add((metadata->Brokers[i].Id, Marshal.PtrToStringUTF8(metadata->Brokers[i].Host) ?? "", metadata->Brokers[i].Port));
            return brokers;
        }
        finally
        {
            _metadataDestroy(metadata);
        }
    }

    /// <summary>Creates the host <c>rd_kafka_t</c> (a producer handle with the given settings) a mock cluster needs for book-keeping.</summary>
    public IntPtr NewHostHandle(IReadOnlyDictionary<string, string> settings)
    {
        var conf = _confNew();
        var error = stackalloc byte[ErrorBufferSize];
        foreach (var (name, value) in settings)
        {
            using var n = new Utf8(name);
            using var v = new Utf8(value);
            if (_confSet(conf, n.Pointer, v.Pointer, error, ErrorBufferSize) != 0)
            {
                _confDestroy(conf);
                throw new InvalidOperationException($"librdkafka rejected host setting {name}: {Marshal.PtrToStringUTF8((IntPtr)error)}");
            }
        }
        var handle = _new(0 /* RD_KAFKA_PRODUCER */, conf, error, ErrorBufferSize);
        if (handle == IntPtr.Zero)
        {
            _confDestroy(conf); // rd_kafka_new takes ownership only on success
            throw new InvalidOperationException($"rd_kafka_new failed: {Marshal.PtrToStringUTF8((IntPtr)error)}");
        }
        return handle;
    }

    /// <summary>From now on, wakes the mock thread through these listeners while a control call waits for it (see <see cref="MockWakeups"/>).</summary>
    public void WakeThrough(IReadOnlyList<System.Net.IPEndPoint> listeners) => (_wakeups ??= new MockWakeups()).Listeners = listeners;

    public void DestroyHostHandle(IntPtr handle) => _destroy(handle);

    public IntPtr ClusterNew(IntPtr host, int brokers) => _clusterNew(host, brokers);

    /// <summary>Stops the mock's thread (a terminate op it serves like a control call) and frees the cluster.</summary>
    public void ClusterDestroy(IntPtr cluster) => Served(() =>
    {
        _clusterDestroy(cluster);
        return 0;
    });

    /// <summary>The cluster's bootstrap list as created (cluster-owned memory, copied here).</summary>
    public string Bootstraps(IntPtr cluster) => Marshal.PtrToStringUTF8(_clusterBootstraps(cluster)) ?? "";

    public void BrokerAdd(IntPtr cluster, int brokerId) => Check(Served(() => _brokerAdd(cluster, brokerId)), $"add broker {brokerId}");

    public void BrokerDecommission(IntPtr cluster, int brokerId) => Check(Served(() => _brokerDecommission(cluster, brokerId)), $"decommission broker {brokerId}");

    public void BrokerSetDown(IntPtr cluster, int brokerId) => Check(Served(() => _brokerSetDown(cluster, brokerId)), $"set broker {brokerId} down");

    public void BrokerSetUp(IntPtr cluster, int brokerId) => Check(Served(() => _brokerSetUp(cluster, brokerId)), $"set broker {brokerId} up");

    public void BrokerSetRtt(IntPtr cluster, int brokerId, int rttMs) => Check(Served(() => _brokerSetRtt(cluster, brokerId, rttMs)), $"set rtt of broker {brokerId}");

    public void BrokerSetHostPort(IntPtr cluster, int brokerId, string host, int port)
    {
        using var h = new Utf8(host);
        _brokerSetHostPort(cluster, brokerId, h.Pointer, port);
    }

    public void TopicCreate(IntPtr cluster, string topic, int partitions, int replicationFactor)
    {
        using var t = new Utf8(topic);
        var name = (IntPtr)t.Pointer;
        Check(Served(() => _topicCreate(cluster, (byte*)name, partitions, replicationFactor)), $"create topic {topic}");
    }

    public void PartitionSetLeader(IntPtr cluster, string topic, int partition, int brokerId)
    {
        using var t = new Utf8(topic);
        var name = (IntPtr)t.Pointer;
        Check(Served(() => _partitionSetLeader(cluster, (byte*)name, partition, brokerId)), $"set leader of {topic}-{partition} to {brokerId}");
    }

    /// <summary>Sets the coordinator of a key. The broker MUST exist: the mock aborts the process on a later lookup otherwise.</summary>
    public void CoordinatorSet(IntPtr cluster, string keyType, string key, int brokerId)
    {
        using var t = new Utf8(keyType);
        using var k = new Utf8(key);
        var (type, name) = ((IntPtr)t.Pointer, (IntPtr)k.Pointer);
        Check(Served(() => _coordinatorSet(cluster, (byte*)type, (byte*)name, brokerId)), $"set {keyType} coordinator of {key} to {brokerId}");
    }

    public void GroupInitialRebalanceDelay(IntPtr cluster, int delayMs) => _groupInitialRebalanceDelayMs(cluster, delayMs);

    public void PushRequestErrors(IntPtr cluster, short apiKey, IReadOnlyList<int> errors)
    {
        var array = errors.ToArray();
        fixed (int* p = array) _pushRequestErrorsArray(cluster, apiKey, (nuint)array.Length, p);
    }

    public void ClearRequestErrors(IntPtr cluster, short apiKey) => _clearRequestErrors(cluster, apiKey);

    public string ErrorText(int error) => Marshal.PtrToStringUTF8(_err2Str(error)) ?? $"error {error}";

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _wakeups?.Dispose();
        NativeLibrary.Free(_library);
    }

    private int Served(Func<int> call) => _wakeups is { } wakeups ? wakeups.Serve(call) : call();

    private void Check(int error, string what)
    {
        if (error != 0) throw new InvalidOperationException($"librdkafka mock: {what} failed: {ErrorText(error)} ({error}).");
    }

    private IntPtr Export(string name) => NativeLibrary.TryGetExport(_library, name, out var address)
        ? address
        : throw new EntryPointNotFoundException($"{name} is not exported by {LibraryPath}; the embedded cluster needs librdkafka >= 2.16.");

    /// <summary>The head of librdkafka's <c>rd_kafka_metadata_t</c>: its broker list (the topics are not read here).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct MockMetadata
    {
        public int BrokerCount;
        public MockMetadataBroker* Brokers;
    }

    /// <summary>librdkafka's <c>rd_kafka_metadata_broker_t</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct MockMetadataBroker
    {
        public int Id;
        public IntPtr Host;
        public int Port;
    }

    /// <summary>A NUL-terminated UTF-8 copy of a string in unmanaged memory, freed on dispose.</summary>
    private readonly ref struct Utf8
    {
        private readonly IntPtr _memory;
        public Utf8(string value) => _memory = Marshal.StringToCoTaskMemUTF8(value);
        public byte* Pointer => (byte*)_memory;
        public void Dispose() => Marshal.FreeCoTaskMem(_memory);
    }
}
