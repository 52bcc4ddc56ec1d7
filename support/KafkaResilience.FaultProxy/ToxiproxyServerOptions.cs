using System.Net;

namespace KafkaResilience.FaultProxy;

/// <summary>
/// Settings of an in-process <see cref="ToxiproxyServer"/>. The server only ever binds loopback
/// addresses (the suite's network rule), so a non-loopback host is refused by <see cref="Validate"/>.
/// Randomness (toxicity, jitter, slicer sizes) and time are injected so chaos is reproducible.
/// </summary>
public sealed record ToxiproxyServerOptions
{
    /// <summary>The API host used unless told otherwise.</summary>
    public const string DefaultApiHost = "127.0.0.1";

    /// <summary>The port Toxiproxy itself listens on; ours defaults to a random one (0).</summary>
    public const int ToxiproxyDefaultApiPort = 8474;

    /// <summary>Host of the REST API: 127.0.0.1, ::1 or localhost.</summary>
    public string ApiHost { get; init; } = DefaultApiHost;

    /// <summary>Port of the REST API; 0 picks a free port.</summary>
    public int ApiPort { get; init; }

    /// <summary>Seed of the random source used for toxicity, jitter and slicer sizes.</summary>
    public int RandomSeed { get; init; } = 1;

    /// <summary>Optional randomizer returning values in [0, 1); replaces the seeded source when set.</summary>
    public Func<double>? Randomizer { get; init; }

    /// <summary>Clock used for toxic delays and chunk timestamps.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How long disposal waits for every pump task to finish.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a proxy waits to connect to its upstream before dropping the client.</summary>
    public TimeSpan UpstreamConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Kernel send/receive buffer size set on every proxied socket; 0 leaves the kernel's
    /// auto-tuning in charge (usually the fastest on Linux).
    /// </summary>
    public int SocketBufferBytes { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad setting and the allowed values.</summary>
    public void Validate()
    {
        if (!LoopbackAddress.TryResolveHost(ApiHost, out _))
        {
            throw new ArgumentException(
                $"ToxiproxyServerOptions.ApiHost '{ApiHost}' is not allowed: use 127.0.0.1, ::1 or localhost (loopback only).",
                nameof(ApiHost));
        }

        if (ApiPort is < 0 or > IPEndPoint.MaxPort)
        {
            throw new ArgumentException(
                $"ToxiproxyServerOptions.ApiPort {ApiPort} is out of range: use 0 (random) or 1..65535.", nameof(ApiPort));
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        if (ShutdownTimeout <= TimeSpan.Zero || ShutdownTimeout > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentException(
                $"ToxiproxyServerOptions.ShutdownTimeout {ShutdownTimeout} is out of range: use more than 0 and at most 5 minutes.",
                nameof(ShutdownTimeout));
        }

        if (UpstreamConnectTimeout <= TimeSpan.Zero || UpstreamConnectTimeout > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentException(
                $"ToxiproxyServerOptions.UpstreamConnectTimeout {UpstreamConnectTimeout} is out of range: use more than 0 and at most 5 minutes.",
                nameof(UpstreamConnectTimeout));
        }

        if (SocketBufferBytes is < 0 or > 64 * 1024 * 1024)
        {
            throw new ArgumentException(
                $"ToxiproxyServerOptions.SocketBufferBytes {SocketBufferBytes} is out of range: use 0 (kernel auto-tuning) or 1..67108864.",
                nameof(SocketBufferBytes));
        }
    }
}
