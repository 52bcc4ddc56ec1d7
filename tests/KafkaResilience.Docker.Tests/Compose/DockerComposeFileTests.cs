using FluentAssertions;
using KafkaResilience.Docker.Compose;
using KafkaResilience.Docker.Definition;

namespace KafkaResilience.Docker.Tests.Compose;

public sealed class DockerComposeFileTests
{
    private static readonly string ComposeYaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docker-compose.yml"));
    private static readonly KafkaKraftClusterDefinition Seed = new KafkaKraftClusterBuilder().Build();

    [Fact]
    public void The_committed_compose_file_describes_the_same_cluster_as_the_testcontainers_definition()
    {
        var compose = DockerComposeFile.Parse(ComposeYaml);

        var differences = ComposeDefinitionComparer.Differences(Seed, compose);

        differences.Should().BeEmpty("docker-compose.yml must match KafkaKraftClusterBuilder's default definition");
    }

    [Fact]
    public void The_compose_brokers_take_image_and_settings_from_the_shared_anchor()
    {
        var compose = DockerComposeFile.Parse(ComposeYaml);

        compose.Services.Keys.Should().BeEquivalentTo("toxiproxy", "kafka-105", "kafka-106", "kafka-108");
        compose.Services["kafka-108"].Image.Should().Be(DockerImages.Kafka);
        compose.Services["kafka-108"].Environment["KAFKA_ADVERTISED_LISTENERS"].Should().Be("INTERNAL://kafka-108:19092,EXTERNAL://localhost:19108");
        compose.Services["toxiproxy"].Command.Should().Equal("-host=0.0.0.0", "-config=/config/toxiproxy.json");
        compose.Services["toxiproxy"].Ports.Should().Contain(new ComposePortMapping("127.0.0.1", 19105, 19105));
    }

    [Fact]
    public void A_drifted_advertised_port_is_reported()
    {
        var drifted = ComposeYaml.Replace("EXTERNAL://localhost:19106", "EXTERNAL://localhost:29106", StringComparison.Ordinal);

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
        var other = new KafkaKraftClusterBuilder().WithBrokerIds(1, 2, 3).Build();

        var differences = ComposeDefinitionComparer.Differences(other, DockerComposeFile.Parse(ComposeYaml));

        differences.Should().Contain(d => d.Contains("broker 1 has no service 'kafka-1'"));
        differences.Should().Contain(d => d.Contains("'kafka-105' is not in the definition"));
        differences.Should().Contain(d => d.Contains("proxy 'broker-105' is not in the definition"));
    }

    [Fact]
    public void A_changed_image_or_a_missing_environment_variable_is_reported()
    {
        var drifted = ComposeYaml
            .Replace("image: apache/kafka:4.1.0", "image: apache/kafka:3.9.0", StringComparison.Ordinal)
            .Replace("      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: \"0\"\n\n  kafka-106:", "\n  kafka-106:", StringComparison.Ordinal);

        var differences = ComposeDefinitionComparer.Differences(Seed, DockerComposeFile.Parse(drifted));

        differences.Should().Contain("kafka-105.environment.KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: missing, expected '0'");
        differences.Where(d => d.EndsWith(".image: 'apache/kafka:3.9.0', expected 'apache/kafka:4.1.0'", StringComparison.Ordinal)).Should().HaveCount(3);
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
