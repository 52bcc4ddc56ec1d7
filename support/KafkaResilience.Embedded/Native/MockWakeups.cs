using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KafkaResilience.Embedded.Native;

/// <summary>
/// Wakes the mock cluster's thread while one of its control calls (<c>rd_kafka_mock_*</c>: a leader, a coordinator, a
/// broker down or up, a response delay) waits for it. The mock serves those calls from an op queue whose wake-up pipe
/// it drains after serving the queue, so a call queued in between sleeps until the thread's next socket event or timer,
/// up to a second (<c>src/rdkafka_mock.c</c>, <c>rd_kafka_mock_cluster_io_poll</c>). A connection to one of its listeners
/// is such an event: while a call has not returned after a moment, a thread of its own (the thread pool may be busy
/// with blocked clients) opens one and resets it, a moment apart, until the call returns.
/// </summary>
internal sealed class MockWakeups : IDisposable
{
    private static readonly TimeSpan Moment = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly object _gate = new();
    private IReadOnlyList<IPEndPoint> _listeners = [];
    private Thread? _thread;
    private long _taken;
    private long _served;
    private bool _disposed;

    /// <summary>The mock's listeners a wake-up connects to, the first that accepts (a broker that is down refuses).</summary>
    public IReadOnlyList<IPEndPoint> Listeners
    {
        get => Volatile.Read(ref _listeners);
        set => Volatile.Write(ref _listeners, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>Makes <paramref name="call"/> (a control call, which blocks until the mock thread served it), waking that thread meanwhile.</summary>
    public int Serve(Func<int> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _taken++;
            _thread ??= Start();
            Monitor.PulseAll(_gate);
        }

        try
        {
            return call();
        }
        finally
        {
            lock (_gate)
            {
                _served++;
                Monitor.PulseAll(_gate);
            }
        }
    }

    public void Dispose()
    {
        Thread? thread;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            thread = _thread;
            Monitor.PulseAll(_gate);
        }

        thread?.Join(StopTimeout);
    }

    private Thread Start()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "mock wake-ups" };
        thread.Start();
        return thread;
    }

    private void Run()
    {
        while (true)
        {
            lock (_gate)
            {
                while (_served == _taken && !_disposed) Monitor.Wait(_gate, IdleCheck);
                if (_disposed) return;
                // The mock serves most calls at once: wake it only when a call taken before now still waits a moment later.
                var taken = _taken;
                var moment = Stopwatch.StartNew();
                for (var left = Moment; !_disposed && _served < taken && left > TimeSpan.Zero; left = Moment - moment.Elapsed)
                    Monitor.Wait(_gate, left);
                if (_disposed) return;
                if (_served >= taken) continue;
            }

            Wake();
        }
    }

    private void Wake()
    {
        foreach (var listener in Listeners)
        {
            using var socket = new Socket(listener.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            // Reset on close: no TIME_WAIT left behind per wake-up.
            socket.LingerState = new LingerOption(true, 0);
            try
            {
                socket.Connect(listener);
                return;
            }
            catch (SocketException)
            {
                // This broker is down (its listener refuses): try the next.
            }
        }
    }
}
