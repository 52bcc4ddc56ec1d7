using FluentAssertions;
using KafkaResilience.Docker.Containers;
using KafkaResilience.Docker.Definition;

namespace KafkaResilience.Docker.Tests;

public sealed class DockerClusterDefinitionTests
{
    private static readonly PublishAddress EveryInterface = new(null, "a remote engine");
    private static readonly PublishAddress Loopback = new("127.0.0.1", "a local engine");

    [Fact]
    public void Brokers_advertise_the_host_testcontainers_reports_for_toxiproxy_not_a_fixed_localhost()
    {
        // Given a remote engine (DOCKER_HOST=tcp://10.0.0.7:2375): Testcontainers reports 10.0.0.7 for the Toxiproxy container
        var definition = DockerCluster.DefinitionBehind(KafkaClusterConfiguration.Default, "10.0.0.7", EveryInterface);

        // Then every address in Kafka's metadata, and the bootstrap list, is one a client here can dial
        definition.Nodes.Should().OnlyContain(n => n.ExternalAddress == $"10.0.0.7:{n.ProxyPort}");
        definition.Node(105).Environment["KAFKA_ADVERTISED_LISTENERS"].Should().Be("INTERNAL://kafka-105:19092,EXTERNAL://10.0.0.7:19105,CONTROLLER://kafka-105:9093");
        definition.BootstrapServers.Should().Be("10.0.0.7:19105,10.0.0.7:19106,10.0.0.7:19108");
    }

    [Fact]
    public void The_zookeeper_stack_advertises_the_reported_host_too()
    {
        var configuration = KafkaClusterConfiguration.Default with { Stack = KafkaStack.ZooKeeper };

        var definition = DockerCluster.DefinitionBehind(configuration, "172.17.0.1", EveryInterface);

        definition.Node(108).Environment["KAFKA_ADVERTISED_LISTENERS"].Should().Be("INTERNAL://kafka-108:19092,EXTERNAL://172.17.0.1:19108");
    }

    [Fact]
    public void A_reported_host_that_cannot_reach_ports_bound_to_loopback_fails_before_any_broker_starts()
    {
        var act = () => DockerCluster.DefinitionBehind(KafkaClusterConfiguration.Default, "10.0.0.7", Loopback);

        act.Should().Throw<InvalidOperationException>().WithMessage("Testcontainers reports the Toxiproxy container at 10.0.0.7, but its ports are published on 127.0.0.1*");
    }
}
