using System.Reflection;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using FluentAssertions;
using KafkaResilience.Docker.Containers;
using KafkaResilience.Docker.Definition;

namespace KafkaResilience.Docker.Tests.Containers;

public sealed class KafkaContainerBuildersTests
{
    // Building (not starting) needs an endpoint but no engine: this checks the builders accept what the definition gives them.
    private static readonly IDockerEndpointAuthenticationConfiguration NoEngine =
        new DockerEndpointAuthenticationConfiguration(new Uri("unix:///nonexistent/docker.sock"));

    private static readonly KafkaClusterDefinition Seed = new KafkaClusterBuilder().Build();
    private static readonly PublishAddress Local = PublishAddress.For(NoEngine.Endpoint, null, runningInsideDocker: false);

    [Fact]
    public void Every_container_is_built_from_its_definition_with_the_pinned_image()
    {
        var network = KafkaContainerBuilders.Network(Seed, NoEngine).Build();

        var toxiproxy = KafkaContainerBuilders.Toxiproxy(Seed.Toxiproxy, network, NoEngine, Local, TimeSpan.FromMinutes(1)).Build();
        var nodes = Seed.Nodes.Select(n => KafkaContainerBuilders.KafkaNode(n, network, NoEngine, TimeSpan.FromMinutes(1)).Build()).ToArray();

        toxiproxy.Image.FullName.Should().Be(DockerImages.Toxiproxy);
        nodes.Select(n => n.Image.FullName).Should().AllBe(DockerImages.Kafka).And.HaveCount(3);
    }

    [Fact]
    public void The_zookeeper_stack_builds_its_zookeeper_and_its_kafka_2_brokers()
    {
        var definition = new KafkaClusterBuilder().WithStack(KafkaStack.ZooKeeper).Build();
        var network = KafkaContainerBuilders.Network(definition, NoEngine).Build();

        var zooKeeper = KafkaContainerBuilders.ZooKeeper(definition.ZooKeeper!, network, NoEngine, TimeSpan.FromMinutes(1)).Build();
        var nodes = definition.Nodes.Select(n => KafkaContainerBuilders.KafkaNode(n, network, NoEngine, TimeSpan.FromMinutes(1)).Build()).ToArray();

        zooKeeper.Image.FullName.Should().Be(DockerImages.ZooKeeper);
        nodes.Select(n => n.Image.FullName).Should().AllBe(DockerImages.ZooKeeperModeKafka);
    }

    [Fact]
    public void On_a_local_engine_toxiproxys_api_and_proxies_are_published_on_loopback_only()
    {
        // Given the Toxiproxy builder for a local engine (Testcontainers alone publishes on every interface)
        var builder = KafkaContainerBuilders.Toxiproxy(Seed.Toxiproxy, KafkaContainerBuilders.Network(Seed, NoEngine).Build(), NoEngine, Local, TimeSpan.FromMinutes(1));

        // When Testcontainers turns it into the create request
        var request = CreateRequest(builder);

        // Then every published port, the API's random one included, is bound to 127.0.0.1
        request.HostConfig!.PortBindings!.Keys.Should().BeEquivalentTo("8474/tcp", "19105/tcp", "19106/tcp", "19108/tcp");
        request.HostConfig.PortBindings.Values.SelectMany(b => b).Should().OnlyContain(b => b.HostIP == "127.0.0.1");
        request.HostConfig.PortBindings["19106/tcp"].Should().ContainSingle().Which.HostPort.Should().Be("19106");
    }

    [Fact]
    public void For_a_remote_engine_the_ports_stay_on_every_interface_so_the_reported_host_reaches_them()
    {
        var remote = PublishAddress.For(new Uri("tcp://10.0.0.7:2375"), null, runningInsideDocker: false);
        var builder = KafkaContainerBuilders.Toxiproxy(Seed.Toxiproxy, KafkaContainerBuilders.Network(Seed, NoEngine).Build(), NoEngine, remote, TimeSpan.FromMinutes(1));

        var request = CreateRequest(builder);

        request.HostConfig!.PortBindings!.Values.SelectMany(b => b).Should().OnlyContain(b => string.IsNullOrEmpty(b.HostIP));
    }

    // What Testcontainers sends to the engine: its port bindings (empty host address, as it converts them), then
    // the builder's create-parameter modifiers, in the order its client applies them.
    private static CreateContainerParameters CreateRequest(ContainerBuilder builder)
    {
        // The builder's own configuration property (its generic base declares one of a wider type too).
        var configuration = (IContainerConfiguration)typeof(ContainerBuilder)
            .GetProperties(BindingFlags.Instance | BindingFlags.NonPublic)
            .First(p => p.Name == "DockerResourceConfiguration" && p.PropertyType == typeof(IContainerConfiguration))
            .GetValue(builder)!;
        var request = new CreateContainerParameters
        {
            HostConfig = new HostConfig
            {
                PortBindings = configuration.PortBindings.ToDictionary(
                    p => p.Key.Contains('/') ? p.Key : p.Key + "/tcp",
                    p => (IList<PortBinding>)[new PortBinding { HostPort = p.Value }]),
            },
        };
        foreach (var modify in configuration.ParameterModifiers)
            modify(request);
        return request;
    }
}
