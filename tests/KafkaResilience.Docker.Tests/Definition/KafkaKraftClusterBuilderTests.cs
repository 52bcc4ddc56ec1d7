using FluentAssertions;
using KafkaResilience.Docker.Definition;

namespace KafkaResilience.Docker.Tests.Definition;

public sealed class KafkaKraftClusterBuilderTests
{
    private static readonly KafkaKraftClusterDefinition Seed = new KafkaKraftClusterBuilder().Build();

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
    public void Listeners_bind_all_interfaces_and_internal_is_advertised_by_network_alias()
    {
        var node = Seed.Node(106);

        node.Environment["KAFKA_LISTENERS"].Should().Be("INTERNAL://0.0.0.0:19092,EXTERNAL://0.0.0.0:9092,CONTROLLER://0.0.0.0:9093");
        node.Environment["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"].Should().Be("INTERNAL:PLAINTEXT,EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
        node.Environment["KAFKA_ADVERTISED_LISTENERS"].Should().Be("INTERNAL://kafka-106:19092,EXTERNAL://localhost:19106");
        node.ContainerPorts.Should().BeEquivalentTo([19092, 9092, 9093]);
    }

    [Fact]
    public void External_is_advertised_as_the_proxy_port_that_toxiproxy_publishes_on_the_host_at_the_same_number()
    {
        foreach (var node in Seed.Nodes)
        {
            node.ProxyPort.Should().Be(19000 + node.NodeId);
            node.ExternalAddress.Should().Be($"localhost:{node.ProxyPort}");
            Seed.Toxiproxy.PublishedProxyPorts.Should().Contain(node.ProxyPort);
            Seed.Toxiproxy.Proxies.Should().ContainSingle(p => p.Name == node.ProxyName)
                .Which.Should().Be(new ToxiproxyProxyDefinition($"broker-{node.NodeId}", $"0.0.0.0:{node.ProxyPort}", $"kafka-{node.NodeId}:9092"));
        }
        Seed.BootstrapServers.Should().Be("localhost:19105,localhost:19106,localhost:19108");
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
        var definition = new KafkaKraftClusterBuilder().WithBrokerIds(1, 2, 3).WithProxyPortBase(29000).Build();

        definition.BrokerIds.Should().Equal(1, 2, 3);
        definition.Node(2).Environment["KAFKA_ADVERTISED_LISTENERS"].Should().Be("INTERNAL://kafka-2:19092,EXTERNAL://localhost:29002");
        definition.Node(3).Environment["KAFKA_CONTROLLER_QUORUM_VOTERS"].Should().Be("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
        definition.BootstrapServers.Should().Be("localhost:29001,localhost:29002,localhost:29003");
    }

    [Fact]
    public void A_single_broker_gets_replication_factor_one_so_its_internal_topics_can_be_created()
    {
        var definition = new KafkaKraftClusterBuilder().WithBrokerIds(7).Build();

        definition.InternalTopicReplicationFactor.Should().Be(1);
        definition.InternalTopicMinInSyncReplicas.Should().Be(1);
        definition.Node(7).Environment["KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"].Should().Be("1");
    }

    [Fact]
    public void With_methods_return_new_builders_and_leave_the_original_unchanged()
    {
        var original = new KafkaKraftClusterBuilder();

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

    public static TheoryData<string, Func<KafkaKraftClusterBuilder, KafkaKraftClusterBuilder>> InvalidSettings => new()
    {
        { "BrokerIds", b => b.WithBrokerIds() },
        { "BrokerIds", b => b.WithBrokerIds(105, 105, 108) },
        { "BrokerIds", b => b.WithBrokerIds(-1, 2, 3) },
        { "ClusterId", b => b.WithClusterId("not-a-uuid") },
        { "ProxyPortBase", b => b.WithProxyPortBase(80) },
        { "ProxyPortBase", b => b.WithProxyPortBase(65500) },
        { "ProxyPortBase", b => b.WithBrokerIds(474, 475).WithProxyPortBase(8000) },
        { "AdvertisedHost", b => b.WithAdvertisedHost(" ") },
        { "NetworkName", b => b.WithNetworkName("-bad") },
        { "KafkaImage", b => b.WithKafkaImage("apache/kafka:latest") },
        { "KafkaImage", b => b.WithKafkaImage("apache/kafka") },
        { "ToxiproxyImage", b => b.WithToxiproxyImage("localhost:5000/toxiproxy") },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Validate_rejects_an_invalid_setting_and_names_it(string setting, Func<KafkaKraftClusterBuilder, KafkaKraftClusterBuilder> configure)
    {
        var builder = configure(new KafkaKraftClusterBuilder());

        var act = () => builder.Build();

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(setting);
    }

    [Fact]
    public void An_image_pinned_by_digest_or_registry_port_and_tag_is_accepted()
    {
        var act = () => new KafkaKraftClusterBuilder()
            .WithKafkaImage("registry.local:5000/apache/kafka:4.1.0")
            .WithToxiproxyImage("ghcr.io/shopify/toxiproxy@sha256:0123456789abcdef")
            .Build();

        act.Should().NotThrow();
    }
}
