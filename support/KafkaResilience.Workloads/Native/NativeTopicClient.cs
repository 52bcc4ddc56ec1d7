using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using KafkaResilience.Cluster;

namespace KafkaResilience.Workloads.Native;

/// <summary>
/// A bare librdkafka client (producer type, nothing sent) that asks about one topic: its metadata and its
/// partitions' offsets. Cheap to make and to free (no poll thread to stop, unlike Confluent's admin client,
/// whose disposal waits for its own), so probes before a run cost next to nothing. Never creates the topic;
/// logs nothing (a probe's failure is its answer).
/// </summary>
internal sealed unsafe class NativeTopicClient : IDisposable
{
    private readonly RdKafka _rd = RdKafka.Instance;
    private readonly byte[] _topicName;
    private IntPtr _rk;
    private IntPtr _rkt;

    public NativeTopicClient(string bootstrapServers, IReadOnlyDictionary<string, string> settings, string topic)
    {
        _topicName = Encoding.UTF8.GetBytes(topic + "\0");
        var conf = _rd.ConfNew();
        try
        {
            foreach (var (name, value) in settings)
            {
                if (name.StartsWith("dotnet.", StringComparison.Ordinal)) continue; // Confluent's wrapper settings, not librdkafka's
                if (_rd.Set(conf, name, value) is { } error)
                    throw new ArgumentException($"Client setting '{name}' = '{value}' refused by librdkafka: {error.Error}");
            }
            _rd.Set(conf, "bootstrap.servers", bootstrapServers);
            _rd.Set(conf, "allow.auto.create.topics", "false");
            _rd.ConfSetLogCb(conf, &Silent);
            var errstr = stackalloc byte[512];
            _rk = _rd.New(RdKafka.ProducerType, conf, errstr, 512);
            if (_rk == IntPtr.Zero)
                throw new ArgumentException("librdkafka refused the client settings: " + Marshal.PtrToStringUTF8((IntPtr)errstr));
            conf = IntPtr.Zero;
            fixed (byte* name = _topicName) _rkt = _rd.TopicNew(_rk, name, IntPtr.Zero);
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

    /// <summary>One metadata request, waiting up to <paramref name="timeoutMs"/>.</summary>
    public TopicCheck Ask(int timeoutMs, out int[] partitions) => NativeMetadata.Ask(_rd, _rk, _rkt, timeoutMs, out partitions);

    /// <summary>A partition's log-start and end offsets as its leader says them now (0 on success, else librdkafka's error code).</summary>
    public int Watermarks(int partition, int timeoutMs, out long low, out long high)
    {
        long l = -1, h = -1;
        int err;
        fixed (byte* name = _topicName) err = _rd.QueryWatermarkOffsets(_rk, name, partition, &l, &h, Math.Max(1, timeoutMs));
        low = l;
        high = h;
        return err;
    }

    public void Dispose()
    {
        if (_rkt != IntPtr.Zero) { _rd.TopicDestroy(_rkt); _rkt = IntPtr.Zero; }
        if (_rk != IntPtr.Zero) { _rd.Destroy(_rk); _rk = IntPtr.Zero; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Silent(IntPtr rk, int level, byte* facility, byte* text)
    {
    }
}
