using FluentAssertions;
using KafkaResilience.Docker.Compose;
using KafkaResilience.Docker.Definition;

namespace KafkaResilience.Docker.Tests.Compose;

public sealed class DockerComposeFileTests
{
    private static readonly string ComposeYaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docker-compose.yml"));
    private static readonly KafkaClusterDefinition Seed = new KafkaClusterBuilder().Build();
    private static readonly KafkaClusterDefinition SeedOnZooKeeper = new KafkaClusterBuilder().WithStack(KafkaStack.ZooKeeper).Build();

    [Theory]
    [InlineData(KafkaStack.Kraft)]
    [InlineData(KafkaStack.ZooKeeper)]
    public void Each_compose_profile_describes_the_same_cluster_as_the_testcontainers_definition_of_its_stack(KafkaStack stack)
    {
        var compose = DockerComposeFile.Parse(ComposeYaml);

        var differences = ComposeDefinitionComparer.Differences(new KafkaClusterBuilder().WithStack(stack).Build(), compose);

        differences.Should().BeEmpty($"docker-compose.yml's profile {KafkaClusterDefaults.ProfileName(stack)} must match KafkaClusterBuilder's {stack} definition");
    }

    [Fact]
    public void Every_service_belongs_to_a_profile_and_toxiproxy_to_both()
    {
        var compose = DockerComposeFile.Parse(ComposeYaml);

        compose.Services.Values.Should().OnlyContain(s => s.Profiles.Count > 0, "`docker compose up` without a profile must not start half a cluster");
        compose.Services["toxiproxy"].Profiles.Should().BeEquivalentTo("kraft", "zookeeper");
        compose.Services.Values.Where(s => s.IsIn("kraft")).Select(s => s.Name).Should().BeEquivalentTo("toxiproxy", "kafka-105", "kafka-106", "kafka-108");
        compose.Services.Values.Where(s => s.IsIn("zookeeper")).Select(s => s.Name)
            .Should().BeEquivalentTo("toxiproxy", "zookeeper", "kafka-105-zk", "kafka-106-zk", "kafka-108-zk");
        compose.Services["kafka-106-zk"].NetworkAliases["kafka-resilience"].Should().Equal("kafka-106");
    }

    [Fact]
    public void The_compose_brokers_take_image_and_settings_from_the_shared_anchor()
    {
        var compose = DockerComposeFile.Parse(ComposeYaml);

        compose.Services["kafka-108"].Image.Should().Be(DockerImages.Kafka);
        compose.Services["kafka-108-zk"].Image.Should().Be(DockerImages.ZooKeeperModeKafka);
        compose.Services["kafka-108"].Environment["KAFKA_ADVERTISED_LISTENERS"].Should().Be("INTERNAL://kafka-108:19092,EXTERNAL://127.0.0.1:19108,CONTROLLER://kafka-108:9093");
        compose.Services["toxiproxy"].Command.Should().Equal("-host=0.0.0.0", "-config=/config/toxiproxy.json");
        compose.Services["toxiproxy"].Ports.Should().Contain(new ComposePortMapping("127.0.0.1", 19105, 19105));
    }

    [Fact]
    public void A_drifted_advertised_port_is_reported()
    {
        var drifted = ComposeYaml.Replace("EXTERNAL://127.0.0.1:19106,CONTROLLER://kafka-106:9093\"", "EXTERNAL://127.0.0.1:29106,CONTROLLER://kafka-106:9093\"", StringComparison.Ordinal);

        var differences = ComposeDefinitionComparer.Differences(Seed, DockerComposeFile.Parse(drifted));

        differences.Should().ContainSingle().Which.Should().Contain("kafka-106.environment.KAFKA_ADVERTISED_LISTENERS").And.Contain("29106");
    }

    [Fact]
    public void A_proxy_published_on_another_host_port_than_it_advertises_is_reported()
    {
        var drifted = ComposeYaml.Replace("\"127.0.0.1:19105:19105\"", "\"127.0.0.1:29105:19105\"", StringComparison.Ordinal);

        var differences = ComposeDefinitionComparer.Differences(Seed, DockerComposeFile.Parse(drifted));

        differences.Should().ContainSingle().Which.Should().Contain("container port 19105 is published on host port 29105");
    }

    [Fact]
    public void A_toxiproxy_without_host_all_interfaces_or_with_a_changed_proxy_is_reported()
    {
        var drifted = ComposeYaml
            .Replace("\"-host=0.0.0.0\", ", string.Empty, StringComparison.Ordinal)
            .Replace("\"upstream\": \"kafka-108:9092\"", "\"upstream\": \"kafka-108:19092\"", StringComparison.Ordinal);

        var differences = ComposeDefinitionComparer.Differences(Seed, DockerComposeFile.Parse(drifted));

        differences.Should().HaveCount(2);
        differences.Should().Contain(d => d.Contains("missing '-host=0.0.0.0'"));
        differences.Should().Contain(d => d.Contains("proxy 'broker-108'") && d.Contains("kafka-108:19092"));
    }

    [Fact]
    public void A_definition_with_other_broker_ids_does_not_match_the_committed_file()
    {
        var other = new KafkaClusterBuilder().WithBrokerIds(1, 2, 3).Build();

        var differences = ComposeDefinitionComparer.Differences(other, DockerComposeFile.Parse(ComposeYaml));

        differences.Should().Contain(d => d.Contains("broker 1 has no service 'kafka-1' in profile kraft"));
        differences.Should().Contain(d => d.Contains("'kafka-105' (profile kraft) is not in the definition"));
        differences.Should().Contain(d => d.Contains("proxy 'broker-105' is not in the definition"));
    }

    [Fact]
    public void A_changed_image_or_a_missing_environment_variable_is_reported()
    {
        var drifted = ComposeYaml
            .Replace("image: apache/kafka:4.1.0", "image: apache/kafka:3.9.0", StringComparison.Ordinal)
            .Replace("      KAFKA_OPTS: \"-Dsun.net.inetaddr.ttl=1\"\n\n  kafka-106:", "\n  kafka-106:", StringComparison.Ordinal);

        var differences = ComposeDefinitionComparer.Differences(Seed, DockerComposeFile.Parse(drifted));

        differences.Should().Contain("kafka-105.environment.KAFKA_OPTS: missing, expected '-Dsun.net.inetaddr.ttl=1'");
        differences.Where(d => d.EndsWith(".image: 'apache/kafka:3.9.0', expected 'apache/kafka:4.1.0'", StringComparison.Ordinal)).Should().HaveCount(3);
    }

    [Fact]
    public void Advertising_localhost_where_the_proxy_is_published_on_127_0_0_1_is_reported()
    {
        // Given the broker advertising a name that may resolve to ::1 first, where compose publishes nothing
        var drifted = ComposeYaml.Replace("EXTERNAL://127.0.0.1:", "EXTERNAL://localhost:", StringComparison.Ordinal);
        var definition = new KafkaClusterBuilder().WithAdvertisedHost("localhost").Build();

        // When compared even with a definition that advertises the same name
        var differences = ComposeDefinitionComparer.Differences(definition, DockerComposeFile.Parse(drifted));

        // Then each broker is told to advertise the address its proxy is published on
        differences.Should().HaveCount(3).And.OnlyContain(d => d.Contains("advertises 'localhost:19") && d.Contains("advertise 127.0.0.1 itself"));
    }

    [Fact]
    public void A_proxy_published_on_every_interface_is_reported()
    {
        var drifted = ComposeYaml.Replace("\"127.0.0.1:19108:19108\"", "\"19108:19108\"", StringComparison.Ordinal)
            .Replace("\"127.0.0.1:8474:8474\"", "\"0.0.0.0:8474:8474\"", StringComparison.Ordinal);

        var differences = ComposeDefinitionComparer.Differences(Seed, DockerComposeFile.Parse(drifted));

        differences.Should().Contain("toxiproxy.ports: container port 19108 is published on every interface; bind it to 127.0.0.1 (the API and the proxies are for this machine only)");
        differences.Should().Contain(d => d.StartsWith("toxiproxy.ports: container port 8474 is published on 0.0.0.0", StringComparison.Ordinal));
    }

    [Fact]
    public void A_zookeeper_profile_without_its_zookeeper_or_with_a_drifted_tick_is_reported()
    {
        var drifted = ComposeYaml.Replace("ZOO_TICK_TIME: \"2000\"", "ZOO_TICK_TIME: \"3000\"", StringComparison.Ordinal);

        var differences = ComposeDefinitionComparer.Differences(SeedOnZooKeeper, DockerComposeFile.Parse(drifted));

        differences.Should().Equal("zookeeper.environment.ZOO_TICK_TIME: '3000', expected '2000'");
    }

    [Theory]
    [InlineData("127.0.0.1:8474:8474", "127.0.0.1", 8474, 8474)]
    [InlineData("19105:19105", null, 19105, 19105)]
    [InlineData("9000:9092/tcp", null, 9000, 9092)]
    public void Short_port_syntax_is_parsed(string text, string? hostIp, int hostPort, int containerPort)
    {
        ComposePortMapping.Parse(text).Should().Be(new ComposePortMapping(hostIp, hostPort, containerPort));
    }

    [Theory]
    [InlineData("8474")]
    [InlineData("a:b")]
    [InlineData("1:2:3:4")]
    [InlineData("0:70000")]
    public void Malformed_port_syntax_names_the_text(string text)
    {
        var act = () => ComposePortMapping.Parse(text);

        act.Should().Throw<FormatException>().WithMessage($"*'{text}'*");
    }
}
