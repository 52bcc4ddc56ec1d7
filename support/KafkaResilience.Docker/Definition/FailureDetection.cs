using System.Globalization;

namespace KafkaResilience.Docker.Definition;

/// <summary>
/// Maps a scenario's "moves leadership off a lost broker after N seconds" onto the settings that make
/// real Kafka do so. KRaft: the controller fences a broker whose heartbeats stop for
/// <c>broker.session.timeout.ms</c>; heartbeats (<c>broker.heartbeat.interval.ms</c>) must come well
/// inside it. ZooKeeper mode: a broker's ephemeral registration goes when its ZooKeeper session expires
/// after <c>zookeeper.session.timeout.ms</c>, and ZooKeeper only grants a session timeout between 2 and
/// 20 ticks, so the tick is chosen to hold the delay. Pure; the builder puts the results in the environment.
/// </summary>
public static class FailureDetection
{
    /// <summary>Shortest delay the docker target takes: below it a paused JVM or a slow container start flaps.</summary>
    public static readonly TimeSpan Min = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay (the embedded target's bound too).</summary>
    public static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    /// <summary>Kafka's default broker.heartbeat.interval.ms, kept whenever the session is long enough.</summary>
    public const int DefaultHeartbeatMs = 2000;

    /// <summary>ZooKeeper's default tickTime, kept whenever it can hold the delay.</summary>
    public const int DefaultTickMs = 2000;

    /// <summary>Throws naming the setting when the delay is outside <see cref="Min"/>..<see cref="Max"/>.</summary>
    public static void Validate(TimeSpan delay, string setting)
    {
        if (delay < Min || delay > Max)
            throw new ArgumentException(
                $"{setting} must be between {Min.TotalSeconds:0} s and {Max.TotalMinutes:0} min on the docker target (real Kafka); got {delay.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.",
                setting);
    }

    /// <summary>KRaft: session = the delay; heartbeat a quarter of it, at most Kafka's default 2 s.</summary>
    public static (int SessionTimeoutMs, int HeartbeatIntervalMs) Kraft(TimeSpan delay)
    {
        Validate(delay, "DetectionDelay");
        var session = (int)delay.TotalMilliseconds;
        return (session, Math.Min(DefaultHeartbeatMs, session / 4));
    }

    /// <summary>ZooKeeper mode: session = the delay; tick within [session/20, session/2], ZooKeeper's 2 s where possible.</summary>
    public static (int SessionTimeoutMs, int TickTimeMs) ZooKeeper(TimeSpan delay)
    {
        Validate(delay, "DetectionDelay");
        var session = (int)delay.TotalMilliseconds;
        var tick = Math.Clamp(DefaultTickMs, (session + 19) / 20, session / 2);
        return (session, tick);
    }
}
