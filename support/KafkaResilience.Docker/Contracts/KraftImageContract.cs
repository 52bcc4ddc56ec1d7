using System.Globalization;
using System.Text.RegularExpressions;

namespace KafkaResilience.Docker.Contracts;

/// <summary>
/// The documented contract of <c>apache/kafka:4.1.0</c> run as combined KRaft nodes: which environment variables its
/// scripts read and what they become, what KRaft then requires of the properties, the controller quorum, the
/// controller listener, where the log may go, and how readiness is seen. Each rule cites its source.
/// </summary>
public static partial class KraftImageContract
{
    /// <summary>The image tag the contract was read for; another tag must be re-read first.</summary>
    public const string Image = "apache/kafka:4.1.0";

    /// <summary>Variables the image's scripts read that are not server properties (KafkaDockerWrapper's ExcludeServerPropsEnv, and CLUSTER_ID).</summary>
    public static readonly IReadOnlySet<string> NonPropertyVariables = new HashSet<string>(StringComparer.Ordinal)
    {
        "CLUSTER_ID", "KAFKA_VERSION", "KAFKA_HEAP_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_OPTS", "KAFKA_JMX_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS",
        "KAFKA_GC_LOG_OPTS", "KAFKA_LOG4J_ROOT_LOGLEVEL", "KAFKA_LOG4J_LOGGERS", "KAFKA_TOOLS_LOG4J_LOGLEVEL", "KAFKA_JMX_HOSTNAME", "KAFKA_JMX_PORT",
    };

    /// <summary>The Kafka 4.1 server properties the definition may set, with the file that defines each (apache/kafka@1eb7644).</summary>
    public static readonly IReadOnlyDictionary<string, string> KnownProperties = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["process.roles"] = "server/src/main/java/org/apache/kafka/server/config/KRaftConfigs.java",
        ["node.id"] = "server/src/main/java/org/apache/kafka/server/config/KRaftConfigs.java",
        ["controller.listener.names"] = "server/src/main/java/org/apache/kafka/server/config/KRaftConfigs.java",
        ["broker.session.timeout.ms"] = "server/src/main/java/org/apache/kafka/server/config/KRaftConfigs.java",
        ["broker.heartbeat.interval.ms"] = "server/src/main/java/org/apache/kafka/server/config/KRaftConfigs.java",
        ["controller.quorum.voters"] = "raft/src/main/java/org/apache/kafka/raft/QuorumConfig.java",
        ["listeners"] = "server/src/main/java/org/apache/kafka/network/SocketServerConfigs.java",
        ["advertised.listeners"] = "server/src/main/java/org/apache/kafka/network/SocketServerConfigs.java",
        ["listener.security.protocol.map"] = "server/src/main/java/org/apache/kafka/network/SocketServerConfigs.java",
        ["inter.broker.listener.name"] = "server/src/main/java/org/apache/kafka/server/config/ReplicationConfigs.java",
        ["log.dirs"] = "server-common/src/main/java/org/apache/kafka/server/config/ServerLogConfigs.java",
        ["offsets.topic.replication.factor"] = "group-coordinator/src/main/java/org/apache/kafka/coordinator/group/GroupCoordinatorConfig.java",
        ["group.initial.rebalance.delay.ms"] = "group-coordinator/src/main/java/org/apache/kafka/coordinator/group/GroupCoordinatorConfig.java",
        ["transaction.state.log.replication.factor"] = "transaction-coordinator/src/main/java/org/apache/kafka/coordinator/transaction/TransactionLogConfig.java",
        ["transaction.state.log.min.isr"] = "transaction-coordinator/src/main/java/org/apache/kafka/coordinator/transaction/TransactionLogConfig.java",
        ["share.coordinator.state.topic.replication.factor"] = "server/src/main/java/org/apache/kafka/server/config/ShareCoordinatorConfig.java",
        ["share.coordinator.state.topic.min.isr"] = "server/src/main/java/org/apache/kafka/server/config/ShareCoordinatorConfig.java",
    };

    /// <summary>Without these the properties made from the environment (which replace server.properties whole) cannot start a combined node.</summary>
    public static readonly IReadOnlyList<string> RequiredVariables =
    [
        "CLUSTER_ID", "KAFKA_PROCESS_ROLES", "KAFKA_NODE_ID", "KAFKA_CONTROLLER_QUORUM_VOTERS", "KAFKA_CONTROLLER_LISTENER_NAMES",
        "KAFKA_LISTENERS", "KAFKA_ADVERTISED_LISTENERS", "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "KAFKA_INTER_BROKER_LISTENER_NAME", "KAFKA_LOG_DIRS",
    ];

    /// <summary>Where the image lets the broker (user appuser) write its log.</summary>
    public static readonly IReadOnlyList<string> WritableLogDirs = ["/tmp/", "/var/lib/kafka/data"];

    public static readonly ContractRule Pinned = new("KRAFT-IMAGE",
        $"the image is {Image}, the version this contract was read for", ContractSources.KafkaDockerfile);

    public static readonly ContractRule KnownVariable = new("KRAFT-ENV-PROPERTY",
        "every KAFKA_* variable but the wrapper's excluded ones becomes a server property ('_' '.', '__' '_', '___' '-'), and that property exists in Kafka 4.1; other variables are CLUSTER_ID or the JVM's",
        ContractSources.KafkaDockerWrapper);

    public static readonly ContractRule Required = new("KRAFT-REQUIRED",
        "the environment's properties replace server.properties whole, so a combined node needs CLUSTER_ID, process.roles, node.id, the quorum voters, controller.listener.names, listeners, advertised.listeners, the protocol map, inter.broker.listener.name and log.dirs from it",
        ContractSources.KafkaDockerWrapper);

    public static readonly ContractRule ClusterId = new("KRAFT-CLUSTER-ID",
        "CLUSTER_ID is set (configure: ensure CLUSTER_ID), is 22 characters of URL-safe base64 (a 16-byte UUID) and is the same on every node (each is formatted with it)",
        ContractSources.KafkaUuid);

    public static readonly ContractRule Roles = new("KRAFT-ROLES",
        "process.roles is 'broker,controller': every node is a broker and a quorum voter (combined mode, as the image's examples run three nodes)",
        ContractSources.KafkaExamplesCombined);

    public static readonly ContractRule Voters = new("KRAFT-QUORUM-VOTERS",
        "controller.quorum.voters lists every node once as {id}@{host}:{port}, the same on every node, with the node's own id in it; each host is that node's network alias (never 0.0.0.0) and each port its controller listener",
        ContractSources.KafkaQuorumConfig);

    public static readonly ContractRule ControllerListener = new("KRAFT-CONTROLLER-LISTENER",
        "controller.listener.names names one listener of KAFKA_LISTENERS, not the inter-broker one, and advertised.listeners advertises it at the address the quorum voters give for the node (else 4.x falls back to the listener's own 0.0.0.0)",
        ContractSources.KafkaControllerAdvertised);

    public static readonly BrokerListenerRules Listeners = new(
        new("KRAFT-LISTENERS", "KAFKA_LISTENERS is NAME://host:port entries with distinct names and distinct ports", ContractSources.KafkaListenerParsing),
        new("KRAFT-PROTOCOL-MAP", "every listener name is mapped to PLAINTEXT in listener.security.protocol.map", ContractSources.KafkaListenerParsing),
        new("KRAFT-ADVERTISED", "advertised.listeners names only listeners of KAFKA_LISTENERS, once each, at a routable host (not empty, not 0.0.0.0)", ContractSources.KafkaConfigValidate),
        new("KRAFT-INTER-BROKER", "inter.broker.listener.name is an advertised broker listener, not the controller listener", ContractSources.KafkaConfigValidate),
        new("KRAFT-PLAINTEXT", "no advertised listener contains SSL:// or SASL_ (the image would demand KAFKA_SSL_* files or a JAAS KAFKA_OPTS)", ContractSources.KafkaDockerConfigure),
        AdvertisedPortsDistinct: false);

    public static readonly ContractRule LogDirs = new("KRAFT-LOG-DIRS",
        "log.dirs is under /tmp or /var/lib/kafka/data, the places the image lets appuser write",
        ContractSources.KafkaDockerfile);

    public static readonly ContractRule Detection = new("KRAFT-HEARTBEAT",
        "broker.heartbeat.interval.ms, when set, is shorter than broker.session.timeout.ms (a lease must see heartbeats before it lapses)",
        ContractSources.KafkaKraftConfigs);

    public static readonly ContractRule Command = new("KRAFT-COMMAND",
        "the command is the image's own (/etc/kafka/docker/run: configure, format the storage, start); no command is set",
        ContractSources.KafkaDockerLaunch);

    public static readonly ContractRule Readiness = new("KRAFT-READY",
        "readiness is the line KafkaRaftServer logs when it serves ('Kafka Server started'), or a health check running /opt/kafka/bin/kafka-broker-api-versions.sh against a broker listener on localhost",
        ContractSources.KafkaRaftStarted);

    /// <summary>Every rule of this contract.</summary>
    public static IReadOnlyList<ContractRule> Rules =>
    [
        Pinned, KnownVariable, Required, ClusterId, Roles, Voters, ControllerListener,
        Listeners.Listeners, Listeners.ProtocolMap, Listeners.Advertised, Listeners.InterBroker, Listeners.Plaintext,
        LogDirs, Detection, Command, Readiness,
    ];

    /// <summary>A line as KafkaRaftServer logs it once the node serves (its logIdent, then STARTED_MESSAGE).</summary>
    public static string StartedLine(int nodeId) =>
        $"[2025-09-01 12:00:00,000] INFO [KafkaRaftServer nodeId={nodeId}] Kafka Server started (kafka.server.KafkaRaftServer)";

    public static void Check(ClusterUnderContract cluster, ContractFindings findings)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(findings);
        var nodes = cluster.Of(ClusterUnderContract.KafkaRepository);
        if (nodes.Count == 0)
            return;
        var ids = nodes.ToDictionary(n => n, n => int.TryParse(n.Env("KAFKA_NODE_ID"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null);
        foreach (var node in nodes)
        {
            findings.Expect(node.Image == Image, Pinned, node, "image", node.Image);
            foreach (var (key, _) in node.Environment)
            {
                var known = NonPropertyVariables.Contains(key)
                    || (key.StartsWith("KAFKA_", StringComparison.Ordinal) && KnownProperties.ContainsKey(KafkaEnvironmentProperties.PropertyOf(key)));
                findings.Expect(known, KnownVariable, node, key,
                    key.StartsWith("KAFKA_", StringComparison.Ordinal) ? $"{node.Environment[key]} (property {KafkaEnvironmentProperties.PropertyOf(key)})" : node.Environment[key]);
            }
            foreach (var variable in RequiredVariables)
                findings.Expect(!string.IsNullOrWhiteSpace(node.Env(variable)), Required, node, variable, node.Env(variable));

            var clusterId = node.Env("CLUSTER_ID");
            findings.Expect(clusterId is not null && ClusterIdPattern().IsMatch(clusterId) && nodes.All(n => n.Env("CLUSTER_ID") == clusterId),
                ClusterId, node, "CLUSTER_ID", clusterId);
            findings.Expect(node.Env("KAFKA_PROCESS_ROLES") == "broker,controller", Roles, node, "KAFKA_PROCESS_ROLES", node.Env("KAFKA_PROCESS_ROLES"));

            CheckVoters(node, nodes, ids, findings);
            var controllerNames = (node.Env("KAFKA_CONTROLLER_LISTENER_NAMES") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            CheckControllerListener(node, ids[node], controllerNames, findings);
            Listeners.Check(node, findings, controllerNames);

            var logDirs = node.Env("KAFKA_LOG_DIRS");
            findings.Expect(logDirs is not null && logDirs.Split(',').All(d => WritableLogDirs.Any(w => d.Trim().StartsWith(w, StringComparison.Ordinal))),
                LogDirs, node, "KAFKA_LOG_DIRS", logDirs);

            var session = node.Env("KAFKA_BROKER_SESSION_TIMEOUT_MS");
            var heartbeat = node.Env("KAFKA_BROKER_HEARTBEAT_INTERVAL_MS");
            findings.Expect(heartbeat is null || (int.TryParse(heartbeat, CultureInfo.InvariantCulture, out var h)
                    && h < (int.TryParse(session, CultureInfo.InvariantCulture, out var s) ? s : 9000)),
                Detection, node, "KAFKA_BROKER_HEARTBEAT_INTERVAL_MS", $"{heartbeat} (session {session ?? "9000 by default"})");

            findings.Expect(node.Command.Count == 0, Command, node, "command", string.Join(' ', node.Command));
            CheckReadiness(node, ids[node], findings);
        }
    }

    private static void CheckVoters(ContainerUnderContract node, IReadOnlyList<ContainerUnderContract> nodes, IReadOnlyDictionary<ContainerUnderContract, int?> ids, ContractFindings findings)
    {
        var text = node.Env("KAFKA_CONTROLLER_QUORUM_VOTERS");
        var voters = KafkaQuorumVoter.ParseList(text);
        var holds = voters is not null
            && voters.Select(v => v.Id).Distinct().Count() == voters.Count
            && voters.Count == nodes.Count
            && nodes.All(n => n.Env("KAFKA_CONTROLLER_QUORUM_VOTERS") == text)
            && ids[node] is { } own && voters.Any(v => v.Id == own)
            && voters.All(v =>
            {
                var target = nodes.FirstOrDefault(n => ids[n] == v.Id);
                return target is not null && v.Host != "0.0.0.0" && target.Aliases.Contains(v.Host) && ControllerPorts(target).Contains(v.Port);
            });
        findings.Expect(holds, Voters, node, "KAFKA_CONTROLLER_QUORUM_VOTERS", text);
    }

    private static void CheckControllerListener(ContainerUnderContract node, int? nodeId, IReadOnlyList<string> controllerNames, ContractFindings findings)
    {
        var (listeners, _) = KafkaListenerAddress.ParseList(node.Env("KAFKA_LISTENERS"));
        var (advertised, _) = KafkaListenerAddress.ParseList(node.Env("KAFKA_ADVERTISED_LISTENERS"));
        var voter = KafkaQuorumVoter.ParseList(node.Env("KAFKA_CONTROLLER_QUORUM_VOTERS"))?.FirstOrDefault(v => v.Id == nodeId);
        var name = controllerNames.Count == 1 ? controllerNames[0] : null;
        var advertisedController = name is null ? null : advertised?.FirstOrDefault(a => a.Name == name);
        var holds = name is not null
            && name != node.Env("KAFKA_INTER_BROKER_LISTENER_NAME")
            && (listeners ?? []).Any(l => l.Name == name)
            && advertisedController is not null && voter is not null
            && advertisedController.Host == voter.Host && advertisedController.Port == voter.Port;
        findings.Expect(holds, ControllerListener, node, "KAFKA_ADVERTISED_LISTENERS",
            $"{node.Env("KAFKA_ADVERTISED_LISTENERS")} (controller listener {name ?? node.Env("KAFKA_CONTROLLER_LISTENER_NAMES") ?? "none"}, voter {voter?.ToString() ?? "none"})");
    }

    private static void CheckReadiness(ContainerUnderContract node, int? nodeId, ContractFindings findings)
    {
        var readiness = node.Readiness;
        bool holds;
        string found;
        if (readiness.LogPattern is { } pattern)
        {
            holds = Regex.IsMatch(StartedLine(nodeId ?? 0), pattern);
            found = $"waits for /{pattern}/";
        }
        else
        {
            var command = string.Join(' ', readiness.HealthCheck.Skip(1));
            holds = readiness.HealthCheck.Count > 0 && BrokerHealthCheck(command, "/opt/kafka/bin/kafka-broker-api-versions.sh", node);
            found = string.Join(' ', readiness.HealthCheck);
        }
        findings.Expect(holds, Readiness, node, "readiness", found);
    }

    /// <summary>True when the health check runs <paramref name="tool"/> against a non-controller listener bound on every interface or loopback.</summary>
    internal static bool BrokerHealthCheck(string command, string tool, ContainerUnderContract node)
    {
        var match = Regex.Match(command, @"(?<tool>\S+) --bootstrap-server (?<host>localhost|127\.0\.0\.1):(?<port>\d+)");
        if (!match.Success || match.Groups["tool"].Value != tool)
            return false;
        var port = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
        var controllers = (node.Env("KAFKA_CONTROLLER_LISTENER_NAMES") ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
        var (listeners, _) = KafkaListenerAddress.ParseList(node.Env("KAFKA_LISTENERS"));
        return (listeners ?? []).Any(l => l.Port == port && !controllers.Contains(l.Name) && l.Host is "0.0.0.0" or "" or "localhost" or "127.0.0.1");
    }

    private static IReadOnlyList<int> ControllerPorts(ContainerUnderContract node)
    {
        var names = (node.Env("KAFKA_CONTROLLER_LISTENER_NAMES") ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
        var (listeners, _) = KafkaListenerAddress.ParseList(node.Env("KAFKA_LISTENERS"));
        return (listeners ?? []).Where(l => names.Contains(l.Name)).Select(l => l.Port).ToArray();
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{22}$")]
    private static partial Regex ClusterIdPattern();
}
