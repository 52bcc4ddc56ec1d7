using System.Net.Sockets;

namespace KafkaResilience.FaultProxy;

/// <summary>What every proxy of one server shares: options, clock, random source, task tracker.</summary>
internal sealed class ServerContext
{
    public ServerContext(ToxiproxyServerOptions options)
    {
        Options = options;
        TimeProvider = options.TimeProvider;
        Random = new ChaosRandom(options.RandomSeed, options.Randomizer);
    }

    public ToxiproxyServerOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public ChaosRandom Random { get; }

    public TaskTracker Tracker { get; } = new();

    public long MillisecondsToTicks(double milliseconds) =>
        (long)(milliseconds * TimeProvider.TimestampFrequency / 1000.0);

    public void ConfigureSocket(Socket socket)
    {
        socket.NoDelay = true;
        if (Options.SocketBufferBytes > 0)
        {
            socket.ReceiveBufferSize = Options.SocketBufferBytes;
            socket.SendBufferSize = Options.SocketBufferBytes;
        }
    }
}
