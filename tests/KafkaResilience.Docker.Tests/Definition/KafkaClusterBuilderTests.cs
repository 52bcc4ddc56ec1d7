using FluentAssertions;
using KafkaResilience.Docker.Definition;

namespace KafkaResilience.Docker.Tests.Definition;

public sealed class KafkaClusterBuilderTests
{
    private static readonly KafkaClusterDefinition Seed = new KafkaClusterBuilder().Build();

    [Fact]
    public void The_default_cluster_is_the_seed_reports_three_brokers_on_the_pinned_kafka_image()
    {
        Seed.BrokerIds.Should().Equal(105, 106, 108);
        Seed.Nodes.Should().OnlyContain(n => n.Image == "apache/kafka:4.1.0");
        Seed.Nodes.Select(n => n.NetworkAlias).Should().Equal("kafka-105", "kafka-106", "kafka-108");
        Seed.NetworkName.Should().Be("kafka-resilience");
    }

    [Fact]
    public void Every_node_is_a_combined_broker_and_controller_with_its_own_id_and_the_same_cluster_id()
    {
        foreach (var node in Seed.Nodes)
        {
            node.Environment["KAFKA_NODE_ID"].Should().Be(node.NodeId.ToString());
            node.Environment["KAFKA_PROCESS_ROLES"].Should().Be("broker,controller");
            node.Environment["CLUSTER_ID"].Should().Be("5L6g3nShT-eMCtK--X86sw");
            node.Environment["KAFKA_CONTROLLER_QUORUM_VOTERS"].Should().Be("105@kafka-105:9093,106@kafka-106:9093,108@kafka-108:9093");
            node.Environment["KAFKA_CONTROLLER_LISTENER_NAMES"].Should().Be("CONTROLLER");
            node.Environment["KAFKA_INTER_BROKER_LISTENER_NAME"].Should().Be("INTERNAL");
        }
    }

    [Fact]
    public void Listeners_bind_all_interfaces_and_internal_and_controller_are_advertised_by_network_alias()
    {
        var node = Seed.Node(106);

        node.Environment["KAFKA_LISTENERS"].Should().Be("INTERNAL://0.0.0.0:19092,EXTERNAL://0.0.0.0:9092,CONTROLLER://0.0.0.0:9093");
        node.Environment["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"].Should().Be("INTERNAL:PLAINTEXT,EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
        node.Environment["KAFKA_ADVERTISED_LISTENERS"].Should().Be("INTERNAL://kafka-106:19092,EXTERNAL://127.0.0.1:19106,CONTROLLER://kafka-106:9093",
            "the controller listener is advertised where the quorum voters say it is, not at its 0.0.0.0 bind address");
        node.ContainerPorts.Should().BeEquivalentTo([19092, 9092, 9093]);
    }

    [Fact]
    public void External_is_advertised_as_the_proxy_port_that_toxiproxy_publishes_on_the_host_at_the_same_number()
    {
        foreach (var node in Seed.Nodes)
        {
            node.ProxyPort.Should().Be(19000 + node.NodeId);
            node.ExternalAddress.Should().Be($"127.0.0.1:{node.ProxyPort}");
            Seed.Toxiproxy.PublishedProxyPorts.Should().Contain(node.ProxyPort);
            Seed.Toxiproxy.Proxies.Should().ContainSingle(p => p.Name == node.ProxyName)
                .Which.Should().Be(new ToxiproxyProxyDefinition($"broker-{node.NodeId}", $"0.0.0.0:{node.ProxyPort}", $"kafka-{node.NodeId}:9092"));
        }
        Seed.BootstrapServers.Should().Be("127.0.0.1:19105,127.0.0.1:19106,127.0.0.1:19108");
    }

    [Fact]
    public void Internal_topics_are_replicated_three_times_with_two_in_sync_and_groups_start_without_delay()
    {
        Seed.InternalTopicReplicationFactor.Should().Be(3);
        Seed.InternalTopicMinInSyncReplicas.Should().Be(2);
        foreach (var env in Seed.Nodes.Select(n => n.Environment))
        {
            env["KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"].Should().Be("3");
            env["KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"].Should().Be("3");
            env["KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"].Should().Be("2");
            env["KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR"].Should().Be("3");
            env["KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR"].Should().Be("2");
            env["KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS"].Should().Be("0");
            env["KAFKA_LOG_DIRS"].Should().NotBeNullOrWhiteSpace("the image ignores its default properties once any KAFKA_* variable is set");
            env.Should().NotContainKey("KAFKA_MIN_INSYNC_REPLICAS", "a broker-wide default would break the seed's replication-factor-1 topics under acks=all");
        }
    }

    [Fact]
    public void Toxiproxy_is_pinned_listens_on_all_interfaces_and_is_waited_on_its_version_endpoint()
    {
        Seed.Toxiproxy.Image.Should().Be("ghcr.io/shopify/toxiproxy:2.12.0");
        Seed.Toxiproxy.Command.Should().Contain("-host=0.0.0.0");
        Seed.Toxiproxy.ApiPort.Should().Be(8474);
        Seed.Toxiproxy.NetworkAlias.Should().Be("toxiproxy");
        ToxiproxyDefinition.ReadinessPath.Should().Be("/version");
    }

    [Fact]
    public void Broker_ids_from_the_scenario_flow_into_ids_aliases_voters_and_proxy_ports()
    {
        var definition = new KafkaClusterBuilder().WithBrokerIds(1, 2, 3).WithProxyPortBase(29000).Build();

        definition.BrokerIds.Should().Equal(1, 2, 3);
        definition.Node(2).Environment["KAFKA_ADVERTISED_LISTENERS"].Should().Be("INTERNAL://kafka-2:19092,EXTERNAL://127.0.0.1:29002,CONTROLLER://kafka-2:9093");
        definition.Node(3).Environment["KAFKA_CONTROLLER_QUORUM_VOTERS"].Should().Be("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
        definition.BootstrapServers.Should().Be("127.0.0.1:29001,127.0.0.1:29002,127.0.0.1:29003");
    }

    [Fact]
    public void A_single_broker_gets_replication_factor_one_so_its_internal_topics_can_be_created()
    {
        var definition = new KafkaClusterBuilder().WithBrokerIds(7).Build();

        definition.InternalTopicReplicationFactor.Should().Be(1);
        definition.InternalTopicMinInSyncReplicas.Should().Be(1);
        definition.Node(7).Environment["KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"].Should().Be("1");
    }

    [Fact]
    public void With_methods_return_new_builders_and_leave_the_original_unchanged()
    {
        var original = new KafkaClusterBuilder();

        var changed = original.WithBrokerIds(1, 2, 3);

        changed.Should().NotBeSameAs(original);
        original.Configuration.BrokerIds.Should().Equal(105, 106, 108);
        changed.Configuration.BrokerIds.Should().Equal(1, 2, 3);
    }

    [Fact]
    public void Asking_for_an_unknown_broker_names_the_known_ones()
    {
        var act = () => Seed.Node(107);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*105, 106, 108*");
    }

    public static TheoryData<string, Func<KafkaClusterBuilder, KafkaClusterBuilder>> InvalidSettings => new()
    {
        { "BrokerIds", b => b.WithBrokerIds() },
        { "BrokerIds", b => b.WithBrokerIds(105, 105, 108) },
        { "BrokerIds", b => b.WithBrokerIds(-1, 2, 3) },
        { "BrokerIds", b => b.WithStack(KafkaStack.ZooKeeper).WithBrokerIds(105, 1001) },
        { "ProxyPortBase", b => b.WithStack(KafkaStack.ZooKeeper).WithBrokerIds(92, 93) },
        { "ClusterId", b => b.WithClusterId("not-a-uuid") },
        { "ProxyPortBase", b => b.WithProxyPortBase(80) },
        { "ProxyPortBase", b => b.WithProxyPortBase(65500) },
        { "ProxyPortBase", b => b.WithBrokerIds(474, 475).WithProxyPortBase(8000) },
        { "AdvertisedHost", b => b.WithAdvertisedHost(" ") },
        { "NetworkName", b => b.WithNetworkName("-bad") },
        { "KafkaImage", b => b.WithKafkaImage("apache/kafka:latest") },
        { "KafkaImage", b => b.WithKafkaImage("apache/kafka") },
        { "ToxiproxyImage", b => b.WithToxiproxyImage("localhost:5000/toxiproxy") },
        { "ZooKeeperImage", b => b.WithStack(KafkaStack.ZooKeeper).WithZooKeeperImage("zookeeper") },
        { "DetectionDelay", b => b.WithDetectionDelay(TimeSpan.FromMilliseconds(500)) },
        { "DetectionDelay", b => b.WithDetectionDelay(TimeSpan.FromMinutes(6)) },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Validate_rejects_an_invalid_setting_and_names_it(string setting, Func<KafkaClusterBuilder, KafkaClusterBuilder> configure)
    {
        var builder = configure(new KafkaClusterBuilder());

        var act = () => builder.Build();

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(setting);
    }

    [Fact]
    public void An_image_pinned_by_digest_or_registry_port_and_tag_is_accepted()
    {
        var act = () => new KafkaClusterBuilder()
            .WithKafkaImage("registry.local:5000/apache/kafka:4.1.0")
            .WithToxiproxyImage("ghcr.io/shopify/toxiproxy@sha256:0123456789abcdef")
            .Build();

        act.Should().NotThrow();
    }

    [Fact]
    public void Every_broker_caches_dns_answers_for_one_second_so_a_broker_back_with_a_new_ip_is_found_at_once()
    {
        // Given both stacks (the JVM's default keeps a lookup 30 s, longer than a restart or a reconnect takes)
        foreach (var stack in Enum.GetValues<KafkaStack>())
        {
            var definition = new KafkaClusterBuilder().WithStack(stack).Build();

            // Then every broker's JVM gets the short TTL through KAFKA_OPTS, which both images pass to the JVM, not to server.properties
            definition.Nodes.Should().OnlyContain(n => n.Environment["KAFKA_OPTS"] == "-Dsun.net.inetaddr.ttl=1", stack.ToString());
        }
    }

    [Fact]
    public void Without_a_detection_delay_kafkas_own_session_defaults_stay()
    {
        Seed.DetectionDelay.Should().BeNull();
        Seed.Nodes.Should().OnlyContain(n => !n.Environment.ContainsKey("KAFKA_BROKER_SESSION_TIMEOUT_MS") && !n.Environment.ContainsKey("KAFKA_BROKER_HEARTBEAT_INTERVAL_MS"));
    }

    [Fact]
    public void A_kraft_detection_delay_becomes_the_broker_session_timeout_with_heartbeats_well_inside_it()
    {
        // Given a scenario that "moves leadership off a lost broker after 2 seconds"
        var definition = new KafkaClusterBuilder().WithDetectionDelay(TimeSpan.FromSeconds(2)).Build();

        // Then every node (each is a controller, and controllers fence brokers) gets the session and a shorter heartbeat
        foreach (var env in definition.Nodes.Select(n => n.Environment))
        {
            env["KAFKA_BROKER_SESSION_TIMEOUT_MS"].Should().Be("2000");
            env["KAFKA_BROKER_HEARTBEAT_INTERVAL_MS"].Should().Be("500");
        }
        definition.ToString().Should().Contain("a lost broker is detected after 2 s");
    }

    [Fact]
    public void The_zookeeper_stack_is_the_seeds_kafka_2_2_on_one_zookeeper_3_6()
    {
        var definition = new KafkaClusterBuilder().WithStack(KafkaStack.ZooKeeper).Build();

        definition.Stack.Should().Be(KafkaStack.ZooKeeper);
        definition.Nodes.Should().OnlyContain(n => n.Image == "confluentinc/cp-kafka:5.2.1");
        definition.ZooKeeper.Should().NotBeNull();
        definition.ZooKeeper!.Image.Should().Be("zookeeper:3.6.3");
        definition.ZooKeeper.ConnectString.Should().Be("zookeeper:2181");
        definition.ZooKeeper.Environment["ZOO_TICK_TIME"].Should().Be("2000");
        definition.Images.Should().Equal("confluentinc/cp-kafka:5.2.1", "zookeeper:3.6.3", "ghcr.io/shopify/toxiproxy:2.12.0");
        Seed.Images.Should().Equal("apache/kafka:4.1.0", "ghcr.io/shopify/toxiproxy:2.12.0");
        Seed.ZooKeeper.Should().BeNull();
    }

    [Fact]
    public void A_zookeeper_mode_broker_registers_in_zookeeper_with_its_id_and_has_no_controller_listener()
    {
        var node = new KafkaClusterBuilder().WithStack(KafkaStack.ZooKeeper).Build().Node(106);

        node.Environment["KAFKA_BROKER_ID"].Should().Be("106");
        node.Environment["KAFKA_ZOOKEEPER_CONNECT"].Should().Be("zookeeper:2181");
        node.Environment["KAFKA_LISTENERS"].Should().Be("INTERNAL://0.0.0.0:19092,EXTERNAL://0.0.0.0:9092");
        node.Environment["KAFKA_ADVERTISED_LISTENERS"].Should().Be("INTERNAL://kafka-106:19092,EXTERNAL://127.0.0.1:19106");
        node.Environment["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"].Should().Be("INTERNAL:PLAINTEXT,EXTERNAL:PLAINTEXT");
        node.Environment["CONFLUENT_SUPPORT_METRICS_ENABLE"].Should().Be("false", "no lookup may leave the machine");
        node.Environment.Keys.Should().NotContain(k => k.StartsWith("KAFKA_CONTROLLER", StringComparison.Ordinal) || k == "KAFKA_PROCESS_ROLES" || k == "CLUSTER_ID" || k == "KAFKA_NODE_ID");
        node.StartedPattern.Should().Be(@"\[KafkaServer id=\d+\] started");
        new System.Text.RegularExpressions.Regex(node.StartedPattern).IsMatch("[2026-11-29 15:00:00,123] INFO [KafkaServer id=106] started (kafka.server.KafkaServer)").Should().BeTrue();
    }

    [Fact]
    public void A_zookeeper_stack_detection_delay_becomes_the_zookeeper_session_and_a_tick_zookeeper_can_grant_it_with()
    {
        // Given "moves leadership off a lost broker after 2 seconds" (ZooKeeper grants sessions of 2 to 20 ticks; its 2 s tick would make it 4 s)
        var definition = new KafkaClusterBuilder().WithStack(KafkaStack.ZooKeeper).WithDetectionDelay(TimeSpan.FromSeconds(2)).Build();

        definition.Nodes.Should().OnlyContain(n => n.Environment["KAFKA_ZOOKEEPER_SESSION_TIMEOUT_MS"] == "2000");
        definition.ZooKeeper!.Environment["ZOO_TICK_TIME"].Should().Be("1000");
    }
}
