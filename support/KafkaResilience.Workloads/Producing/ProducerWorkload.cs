using KafkaResilience.Cluster.Security;
using System.Buffers.Binary;
using KafkaResilience.Cluster;
using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.Native;

namespace KafkaResilience.Workloads.Producing;

/// <summary>
/// Producers at a rate (Jepsen's generator + client, Kafka's VerifiableProducer): N instances,
/// each shared by M sending threads, every thread one sequence stream. Every send is recorded in
/// the ledger as an invoke, and its delivery report as ok / fail / unknown with partition,
/// offset and ack latency. It only records; checkers judge afterwards.
/// </summary>
public sealed class ProducerWorkload : IAsyncDisposable
{
    private readonly ProducerWorkloadOptions _options;
    private readonly HistoryLedger _ledger;
    private readonly Action<string>? _log;
    private readonly List<NativeProducer> _instances = [];
    private readonly ProducerRecorder[] _streams;
    private readonly Task _completion;
    private readonly int _partitions;
    private volatile bool _stop;

    private ProducerWorkload(string bootstrapServers, IReadOnlyDictionary<string, string> clientSettings, ProducerWorkloadOptions options, HistoryLedger ledger, Action<string>? log)
    {
        _options = options;
        _ledger = ledger;
        _log = log;
        var settings = ClientSettings.ResolveProducerSettings(Merge(clientSettings, options.Settings));
        _partitions = options.KeyMode == KeyMode.RoundRobin
            ? TopicProbe.PartitionCount(bootstrapServers, clientSettings, options.Topic, TimeSpan.FromSeconds(30))
            : 0;
        _streams = new ProducerRecorder[options.Streams];
        try
        {
            for (var i = 0; i < options.Instances; i++)
            {
                var streams = new ProducerRecorder[options.ThreadsPerInstance];
                for (var t = 0; t < options.ThreadsPerInstance; t++)
                    streams[t] = _streams[i * options.ThreadsPerInstance + t] = ledger.AddProducer($"{options.Name}-{i}.{t}", options.MessageSize);
                _instances.Add(new NativeProducer(bootstrapServers, settings, options.Topic, streams, ledger.Clock, log));
            }
        }
        catch
        {
            foreach (var p in _instances) p.Dispose();
            throw;
        }
        _ledger.AddEvent(new TimelineEvent(_ledger.Elapsed(_ledger.Now()), "producer",
            $"{options.Name}: {options.Instances} instance(s) x {options.ThreadsPerInstance} thread(s), {Describe(options)}"));
        _completion = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Validates the options and starts sending at once.</summary>
    public static ProducerWorkload Start(string bootstrapServers, ProducerWorkloadOptions options, HistoryLedger ledger,
        IReadOnlyDictionary<string, string>? clientSettings = null, Action<string>? log = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bootstrapServers);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ledger);
        options.Validate();
        return new ProducerWorkload(bootstrapServers, clientSettings ?? new Dictionary<string, string>(), options, ledger, log);
    }

    /// <summary>Starts against a cluster target (its bootstrap servers and client settings).</summary>
    public static ProducerWorkload Start(IKafkaCluster cluster, ProducerWorkloadOptions options, HistoryLedger ledger, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return Start(cluster.BootstrapServers, options, ledger, cluster.ClientSettings, log);
    }

    public ProducerWorkloadOptions Options => _options;

    /// <summary>One recorder per sending thread (its producer id is in every payload it sent).</summary>
    public IReadOnlyList<ProducerRecorder> Streams => _streams;

    /// <summary>Completes when every thread has sent its share (or was stopped) and every send has an outcome.</summary>
    public Task Completion => _completion;

    public bool IsCompleted => _completion.IsCompleted;

    /// <summary>Stops sending early; outstanding sends still get their outcomes.</summary>
    public void Stop() => _stop = true;

    /// <summary>Waits for <see cref="Completion"/>, throwing a <see cref="TimeoutException"/> with the counts when it does not come in time.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        try
        {
            await _completion.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
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
        try
        {
            await _completion.WaitAsync(_options.FlushTimeout + TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _log?.Invoke($"producer workload '{_options.Name}' did not stop in time; freeing the clients anyway");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // the failure is visible on Completion; disposal must still free the clients
        }
        foreach (var p in _instances) p.Dispose();
        _instances.Clear();
    }

    private async Task Run()
    {
        var threads = new List<Thread>();
        var errors = new List<Exception>();
        var clock = _ledger.Clock;
        var start = clock.GetTimestamp();
        var deadline = _options.Duration is { } d ? start + (long)(d.TotalSeconds * clock.TimestampFrequency) : long.MaxValue;
        var perStreamRate = _options.RatePerSecond / _streams.Length;
        for (var s = 0; s < _streams.Length; s++)
        {
            var stream = s;
            var count = _options.MessageCount is { } total ? total / _streams.Length + (stream < total % _streams.Length ? 1 : 0) : long.MaxValue;
            var thread = new Thread(() =>
            {
                try
                {
                    SendLoop(stream, count, new RatePacer(perStreamRate, clock.TimestampFrequency, start), deadline);
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
        await Task.WhenAll(_instances.Select(p => Task.Run(() => p.FlushAndPurge(_options.FlushTimeout)))).ConfigureAwait(false);
        _ledger.AddEvent(new TimelineEvent(_ledger.Elapsed(_ledger.Now()), "producer", $"{_options.Name}: finished"));
        foreach (var p in _instances)
            if (p.CallbackErrors > 0) errors.Add(new InvalidOperationException($"{p.CallbackErrors} delivery reports could not be recorded"));
        if (errors.Count > 0) throw new AggregateException($"Producer workload '{_options.Name}' failed.", errors);
    }

    private unsafe void SendLoop(int stream, long count, RatePacer pacer, long deadline)
    {
        var recorder = _streams[stream];
        var producer = _instances[stream / _options.ThreadsPerInstance];
        var slot = stream % _options.ThreadsPerInstance;
        var clock = _ledger.Clock;
        var size = _options.MessageSize;
        var buffer = PayloadFormat.NewBuffer(size, new PayloadHeader(_ledger.RunTag, recorder.Id, 0, 0));
        var key = new byte[8];
        var keyed = _options.KeyMode == KeyMode.Keyed;
        var roundRobin = _options.KeyMode == KeyMode.RoundRobin;
        var queueFullTicks = (long)(_options.QueueFullTimeout.TotalSeconds * clock.TimestampFrequency);
        var spinThreshold = clock.TimestampFrequency / 500; // waits over 2 ms sleep, shorter ones spin
        fixed (byte* payload = buffer)
        fixed (byte* keyBytes = key)
        {
            for (long seq = 0; seq < count; seq++)
            {
                if (_stop) return;
                var now = clock.GetTimestamp();
                if (!pacer.Unlimited)
                {
                    for (var spins = 0; pacer.DueBy(now) <= seq; spins++)
                    {
                        if (_stop || now >= deadline) return;
                        if (pacer.DueAt(seq) - now > spinThreshold) Thread.Sleep(1);
                        else if (spins % 64 == 63) Thread.Yield();
                        else Thread.SpinWait(16);
                        now = clock.GetTimestamp();
                    }
                }
                if (now >= deadline) return;
                PayloadFormat.WriteSequence(buffer, seq, now);
                var partition = roundRobin ? (int)((seq + stream) % _partitions) : RdKafka.PartitionUnassigned;
                if (keyed) BinaryPrimitives.WriteInt64LittleEndian(key, seq % _options.KeyCount);
                recorder.Sent(seq, now);
                var err = producer.TrySend(slot, partition, payload, size, keyed ? keyBytes : null, keyed ? 8 : 0);
                if (err == 0) continue;
                var giveUp = now + queueFullTicks;
                for (var spins = 0; err == RdKafka.ErrQueueFull; spins++)
                {
                    if (clock.GetTimestamp() > giveUp) break;
                    if (spins < 50) Thread.Yield(); else Thread.Sleep(1);
                    err = producer.TrySend(slot, partition, payload, size, keyed ? keyBytes : null, keyed ? 8 : 0);
                }
                if (err != 0)
                {
                    // Never handed to the client: definitely not written.
                    recorder.Outcome(seq, SendOutcome.Failed, partition, -1, now, clock.GetTimestamp());
                    if (recorder.FailedCount <= 3)
                        _log?.Invoke($"{recorder.Name}: send of #{seq} refused by the client: {producer.ErrorText(err)}");
                }
            }
        }
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
