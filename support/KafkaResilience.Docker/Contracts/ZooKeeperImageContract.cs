using System.Globalization;
using System.Text.RegularExpressions;

namespace KafkaResilience.Docker.Contracts;

/// <summary>
/// The documented contract of the official <c>zookeeper:3.6.3</c> image: the variables its entrypoint turns into
/// zoo.cfg, the client port that leaves, what <c>zkServer.sh status</c> (a health check) needs, and the line that
/// shows the client port is bound. Each rule cites its source.
/// </summary>
public static class ZooKeeperImageContract
{
    /// <summary>The image tag the contract was read for.</summary>
    public const string Image = "zookeeper:3.6.3";

    /// <summary>The client port of the entrypoint's default server line ("server.1=localhost:2888:3888;2181").</summary>
    public const int DefaultClientPort = 2181;

    /// <summary>The Dockerfile's ZOO_TICK_TIME.</summary>
    public const int DefaultTickTimeMs = 2000;

    /// <summary>Every variable the entrypoint and the Dockerfile's environment define.</summary>
    public static readonly IReadOnlySet<string> KnownVariables = new HashSet<string>(StringComparer.Ordinal)
    {
        "ZOO_CONF_DIR", "ZOO_DATA_DIR", "ZOO_DATA_LOG_DIR", "ZOO_LOG_DIR", "ZOO_TICK_TIME", "ZOO_INIT_LIMIT", "ZOO_SYNC_LIMIT",
        "ZOO_AUTOPURGE_PURGEINTERVAL", "ZOO_AUTOPURGE_SNAPRETAINCOUNT", "ZOO_MAX_CLIENT_CNXNS", "ZOO_STANDALONE_ENABLED",
        "ZOO_ADMINSERVER_ENABLED", "ZOO_SERVERS", "ZOO_4LW_COMMANDS_WHITELIST", "ZOO_CFG_EXTRA", "ZOO_MY_ID",
    };

    public static readonly ContractRule Pinned = new("ZOOKEEPER-IMAGE", $"the image is {Image}, the version this contract was read for", ContractSources.ZooKeeperDockerfile);

    public static readonly ContractRule KnownVariable = new("ZOOKEEPER-ENV",
        "every variable is one the entrypoint writes into zoo.cfg (or the Dockerfile defines)", ContractSources.ZooKeeperEntrypoint);

    public static readonly ContractRule Port = new("ZOOKEEPER-CLIENT-PORT",
        $"without ZOO_SERVERS the client port is {DefaultClientPort} (the entrypoint's 'server.1=localhost:2888:3888;2181')", ContractSources.ZooKeeperEntrypoint);

    public static readonly ContractRule Tick = new("ZOOKEEPER-TICK", "ZOO_TICK_TIME is a positive whole number of milliseconds", ContractSources.ZooKeeperEntrypoint);

    public static readonly ContractRule Command = new("ZOOKEEPER-COMMAND",
        "the command is the image's own (zkServer.sh start-foreground behind docker-entrypoint.sh); no command is set", ContractSources.ZooKeeperDockerfile);

    public static readonly ContractRule Readiness = new("ZOOKEEPER-READY",
        "readiness is the line the server logs when it binds its client port ('binding to port'), or 'zkServer.sh status', which asks 'srvr' and so needs it in ZOO_4LW_COMMANDS_WHITELIST",
        ContractSources.ZooKeeperStatus);

    /// <summary>Every rule of this contract.</summary>
    public static IReadOnlyList<ContractRule> Rules => [Pinned, KnownVariable, Port, Tick, Command, Readiness];

    /// <summary>The line NIOServerCnxnFactory logs when it binds the client port.</summary>
    public static string BindingLine(int port) =>
        $"2021-04-01 12:00:00,000 [myid:1] - INFO  [main:NIOServerCnxnFactory@674] - binding to port 0.0.0.0/0.0.0.0:{port}";

    /// <summary>The client port the container's environment leaves (the entrypoint's default unless ZOO_SERVERS names another).</summary>
    public static int ClientPort(ContainerUnderContract zooKeeper)
    {
        ArgumentNullException.ThrowIfNull(zooKeeper);
        var servers = zooKeeper.Env("ZOO_SERVERS");
        var match = servers is null ? null : Regex.Match(servers, @";(?:[^:\s]+:)?(\d+)");
        return match is { Success: true } ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : DefaultClientPort;
    }

    /// <summary>The tickTime the entrypoint writes (ZOO_TICK_TIME, the Dockerfile's 2000 by default); null when it is not a number.</summary>
    public static int? TickTime(ContainerUnderContract zooKeeper)
    {
        ArgumentNullException.ThrowIfNull(zooKeeper);
        var tick = zooKeeper.Env("ZOO_TICK_TIME");
        return tick is null ? DefaultTickTimeMs : int.TryParse(tick, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t > 0 ? t : null;
    }

    public static void Check(ClusterUnderContract cluster, ContractFindings findings)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(findings);
        foreach (var zk in cluster.Of(ClusterUnderContract.ZooKeeperRepository))
        {
            findings.Expect(zk.Image == Image, Pinned, zk, "image", zk.Image);
            foreach (var (key, value) in zk.Environment)
                findings.Expect(KnownVariables.Contains(key), KnownVariable, zk, key, value);
            findings.Expect(zk.Env("ZOO_SERVERS") is null && ClientPort(zk) == DefaultClientPort, Port, zk, "ZOO_SERVERS", zk.Env("ZOO_SERVERS"));
            findings.Expect(TickTime(zk) is not null, Tick, zk, "ZOO_TICK_TIME", zk.Env("ZOO_TICK_TIME"));
            findings.Expect(zk.Command.Count == 0, Command, zk, "command", string.Join(' ', zk.Command));
            var whitelist = (zk.Env("ZOO_4LW_COMMANDS_WHITELIST") ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
            var ready = zk.Readiness.LogPattern is { } pattern
                ? Regex.IsMatch(BindingLine(ClientPort(zk)), pattern)
                : zk.Readiness.HealthCheck is [_, "zkServer.sh", "status"] && (whitelist.Contains("srvr") || whitelist.Contains("*"));
            findings.Expect(ready, Readiness, zk, zk.Readiness.LogPattern is null ? "healthcheck, ZOO_4LW_COMMANDS_WHITELIST" : "readiness",
                zk.Readiness.LogPattern is { } p ? $"waits for /{p}/" : $"{string.Join(' ', zk.Readiness.HealthCheck)}; whitelist {zk.Env("ZOO_4LW_COMMANDS_WHITELIST") ?? "(not set)"}");
        }
    }
}
