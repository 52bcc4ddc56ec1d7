namespace KafkaResilience.Docker.Contracts;

/// <summary>
/// The documents the image contracts were read from, each at the revision that was read. apache/kafka's docker
/// scripts were read on trunk at 1eb7644 (2024-10-25, after 3.9.0: the scripts the 4.x images are built from), its
/// broker rules at the same commit, Kafka 2.2's at the 2.2.0 tag (the broker inside cp-kafka 5.2.1).
/// </summary>
public static class ContractSources
{
    private const string Kafka = "apache/kafka";
    private const string KafkaTrunk = "1eb7644";
    private const string Kafka22 = "2.2.0";
    private const string Confluent = "confluentinc/cp-docker-images";
    private const string Confluent521 = "v5.2.1";
    private const string ZooKeeperImage = "31z4/zookeeper-docker";
    private const string ZooKeeperImage363 = "6b9a9a2";
    private const string ZooKeeper = "apache/zookeeper";
    private const string ZooKeeper363 = "release-3.6.3";
    private const string Toxiproxy = "Shopify/toxiproxy";
    private const string Toxiproxy2120 = "v2.12.0";

    public static readonly ContractSource KafkaDockerfile = new(Kafka, KafkaTrunk, "docker/jvm/Dockerfile",
        "Kafka unpacked into /opt/kafka; /var/lib/kafka/data made and owned by appuser; CMD [\"/etc/kafka/docker/run\"]");

    public static readonly ContractSource KafkaDockerConfigure = new(Kafka, KafkaTrunk, "docker/resources/common-scripts/configure",
        "KAFKA_PROCESS_ROLES set: 'ensure CLUSTER_ID'; KAFKA_ADVERTISED_LISTENERS containing SSL:// or SASL_ switches on SSL/SASL and demands KAFKA_SSL_* files or a JAAS KAFKA_OPTS");

    public static readonly ContractSource KafkaDockerLaunch = new(Kafka, KafkaTrunk, "docker/jvm/launch",
        "KafkaDockerWrapper setup formats the storage with CLUSTER_ID, then kafka-server-start.sh");

    public static readonly ContractSource KafkaDockerWrapper = new(Kafka, KafkaTrunk, "core/src/main/scala/kafka/docker/KafkaDockerWrapper.scala",
        "getServerConfigsFromEnv: KAFKA_X_Y becomes x.y ('__' -> '_', '___' -> '-') except ExcludeServerPropsEnv (KAFKA_OPTS, KAFKA_HEAP_OPTS, ...); "
        + "prepareServerConfigs: those properties replace server.properties whole (the default file only when none is set); formatStorageCmd: format --cluster-id=$CLUSTER_ID");

    public static readonly ContractSource KafkaExamplesCombined = new(Kafka, KafkaTrunk, "docker/examples/docker-compose-files/cluster/combined/plaintext/docker-compose.yml",
        "three combined nodes: KAFKA_PROCESS_ROLES 'broker,controller', KAFKA_CONTROLLER_QUORUM_VOTERS 'id@kafka-N:9093', KAFKA_LOG_DIRS /tmp/kraft-combined-logs");

    public static readonly ContractSource KafkaConfigValidate = new(Kafka, KafkaTrunk, "core/src/main/scala/kafka/server/KafkaConfig.scala",
        "validateValues: node id in controller.quorum.voters for a controller; controller.listener.names in listeners; inter.broker.listener.name in advertised.listeners; advertised names a subset of listeners; no 0.0.0.0 advertised");

    public static readonly ContractSource KafkaControllerAdvertised = new(Kafka, KafkaTrunk, "core/src/main/scala/kafka/server/KafkaConfig.scala (9be27e7, KIP-853)",
        "effectiveAdvertisedControllerListeners: the controller listener from advertised.listeners, else from listeners, whose 0.0.0.0 3.9.0 refuses (KAFKA-18281, apache/kafka#18387) and 4.x blanks; advertised.listeners may name it since 3.9");

    public static readonly ContractSource KafkaListenerParsing = new(Kafka, KafkaTrunk, "core/src/main/scala/kafka/utils/CoreUtils.scala",
        "listenerListToEndPoints: 'Each listener must have a different port' and name (advertised.listeners: names only, requireDistinctPorts=false); unmapped names have no security protocol");

    public static readonly ContractSource KafkaQuorumConfig = new(Kafka, KafkaTrunk, "raft/src/main/java/org/apache/kafka/raft/QuorumConfig.java",
        "controller.quorum.voters: comma-separated {id}@{host}:{port}; 0.0.0.0 'is not routeable'");

    public static readonly ContractSource KafkaRaftStarted = new(Kafka, KafkaTrunk, "core/src/main/scala/kafka/server/KafkaRaftServer.scala",
        "startup() logs KafkaBroker.STARTED_MESSAGE 'Kafka Server started' as [KafkaRaftServer nodeId=N]");

    public static readonly ContractSource KafkaUuid = new(Kafka, KafkaTrunk, "clients/src/main/java/org/apache/kafka/common/Uuid.java",
        "fromString: URL-safe base64 of 16 bytes (22 characters), as kafka-storage.sh random-uuid prints");

    public static readonly ContractSource KafkaMetadataByListener = new(Kafka, KafkaTrunk, "core/src/main/scala/kafka/server/KafkaApis.scala",
        "handleTopicMetadataRequest answers with the brokers' endpoints of request.context.listenerName: the listener the request came in on");

    public static readonly ContractSource KafkaInternalTopics = new(Kafka, KafkaTrunk,
        "group-coordinator/.../GroupCoordinatorConfig.java, transaction-coordinator/.../TransactionLogConfig.java, server/.../ShareCoordinatorConfig.java",
        "'Internal topic creation will fail until the cluster size meets this replication factor requirement'; min.isr: replicas that must acknowledge a write");

    public static readonly ContractSource KafkaKraftConfigs = new(Kafka, KafkaTrunk, "server/src/main/java/org/apache/kafka/server/config/KRaftConfigs.java",
        "process.roles ValidList 'broker','controller'; broker.session.timeout.ms: how long a lease lasts without heartbeats; broker.heartbeat.interval.ms: time between heartbeats");

    public static readonly ContractSource Kafka22Config = new(Kafka, Kafka22, "core/src/main/scala/kafka/server/KafkaConfig.scala",
        "broker.id <= reserved.broker.max.id (1000) with broker.id.generation.enable (true); inter.broker.listener.name in advertised.listeners; advertised names a subset of listeners; no 0.0.0.0 advertised; zookeeper.session.timeout.ms 6000");

    public static readonly ContractSource Kafka22ListenerParsing = new(Kafka, Kafka22, "core/src/main/scala/kafka/utils/CoreUtils.scala",
        "listenerListToEndPoints, used for listeners and advertised.listeners alike: 'Each listener must have a different port' and a different name");

    public static readonly ContractSource Kafka22Started = new(Kafka, Kafka22, "core/src/main/scala/kafka/server/KafkaServer.scala",
        "logIdent '[KafkaServer id=N] ', then info(\"started\")");

    public static readonly ContractSource ConfluentConfigure = new(Confluent, Confluent521, "debian/kafka/include/etc/confluent/docker/configure",
        "dub ensure KAFKA_ZOOKEEPER_CONNECT, KAFKA_ADVERTISED_LISTENERS; exits on KAFKA_PORT, KAFKA_HOST, KAFKA_ADVERTISED_PORT, KAFKA_ADVERTISED_HOST; SSL:// or SASL_ in KAFKA_ADVERTISED_LISTENERS demands keystores or JAAS; KAFKA_LOG_DIRS defaults to /var/lib/kafka/data");

    public static readonly ContractSource ConfluentEnsure = new(Confluent, Confluent521, "debian/kafka/include/etc/confluent/docker/ensure",
        "KAFKA_DATA_DIRS (default /var/lib/kafka/data) must be writable; cub zk-ready $KAFKA_ZOOKEEPER_CONNECT");

    public static readonly ContractSource ConfluentTemplate = new(Confluent, Confluent521, "debian/kafka/include/etc/confluent/docker/kafka.properties.template",
        "env_to_props('KAFKA_', '') minus the excluded list (whose missing comma makes KAFKA_HEAP_OPTS and KAFKA_LOG4J_OPTS properties too); env_to_props('CONFLUENT_SUPPORT_', 'confluent.support.')");

    public static readonly ContractSource ConfluentDockerfile = new(Confluent, Confluent521, "debian/kafka/Dockerfile",
        "installs confluent-kafka (scripts on PATH without .sh, as tests/*.py call 'kafka-topics'); VOLUME /var/lib/kafka/data; CMD [\"/etc/confluent/docker/run\"]");

    public static readonly ContractSource ConfluentMetricsFixture = new(Confluent, Confluent521, "tests/fixtures/debian/kafka/standalone-config.yml",
        "CONFLUENT_SUPPORT_METRICS_ENABLE: 'false' turns off the support metrics that report to Confluent");

    public static readonly ContractSource ZooKeeperEntrypoint = new(ZooKeeperImage, ZooKeeperImage363, "3.6.3/docker-entrypoint.sh",
        "zoo.cfg from ZOO_DATA_DIR, ZOO_DATA_LOG_DIR, ZOO_TICK_TIME, ZOO_INIT_LIMIT, ZOO_SYNC_LIMIT, ZOO_AUTOPURGE_*, ZOO_MAX_CLIENT_CNXNS, ZOO_STANDALONE_ENABLED, ZOO_ADMINSERVER_ENABLED, ZOO_SERVERS (default 'server.1=localhost:2888:3888;2181'), ZOO_4LW_COMMANDS_WHITELIST, ZOO_CFG_EXTRA; myid from ZOO_MY_ID");

    public static readonly ContractSource ZooKeeperDockerfile = new(ZooKeeperImage, ZooKeeperImage363, "3.6.3/Dockerfile",
        "ENV ZOO_CONF_DIR, ZOO_LOG_DIR, ZOO_TICK_TIME=2000, ...; PATH has the distribution's bin (zkServer.sh); ENTRYPOINT docker-entrypoint.sh, CMD zkServer.sh start-foreground");

    public static readonly ContractSource ZooKeeperStatus = new(ZooKeeper, ZooKeeper363, "bin/zkServer.sh",
        "status: FourLetterWordMain <address> <clientPort> srvr, 'Error contacting service' without a Mode");

    public static readonly ContractSource ZooKeeperBinding = new(ZooKeeper, ZooKeeper363, "zookeeper-server/src/main/java/org/apache/zookeeper/server/NIOServerCnxnFactory.java",
        "configure(): LOG.info(\"binding to port {}\", addr)");

    public static readonly ContractSource ZooKeeperSessionBounds = new(ZooKeeper, ZooKeeper363, "zookeeper-docs/src/main/resources/markdown/zookeeperAdmin.md",
        "minSessionTimeout defaults to 2 x tickTime, maxSessionTimeout to 20 x tickTime: a client's session timeout is clamped into them");

    public static readonly ContractSource ToxiproxyServerFlags = new(Toxiproxy, Toxiproxy2120, "cmd/server/server.go",
        "flags -host (default localhost), -port (default 8474), -config, -seed, -runtime-metrics, -proxy-metrics, -version; LOG_LEVEL read from the environment");

    public static readonly ContractSource ToxiproxyDockerfile = new(Toxiproxy, Toxiproxy2120, "Dockerfile",
        "FROM scratch (no shell); EXPOSE 8474; ENTRYPOINT [\"/toxiproxy\"]; CMD [\"-host=0.0.0.0\"]; /toxiproxy-cli beside it");

    public static readonly ContractSource ToxiproxyApi = new(Toxiproxy, Toxiproxy2120, "api.go",
        "routes GET /version, GET|POST /proxies, POST /populate, /proxies/{proxy}/toxics");

    public static readonly ContractSource ToxiproxyPopulate = new(Toxiproxy, Toxiproxy2120, "proxy_collection.go",
        "PopulateJson: a JSON array of {name, listen, upstream, enabled}; name and upstream required, enabled defaults to true");

    public static readonly ContractSource ToxiproxyCli = new(Toxiproxy, Toxiproxy2120, "cmd/cli/cli.go",
        "--host defaults to http://localhost:8474 (TOXIPROXY_URL)");
}
