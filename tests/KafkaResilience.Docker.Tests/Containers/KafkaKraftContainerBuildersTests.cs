using DotNet.Testcontainers.Configurations;
using FluentAssertions;
using KafkaResilience.Docker.Containers;
using KafkaResilience.Docker.Definition;

namespace KafkaResilience.Docker.Tests.Containers;

public sealed class KafkaKraftContainerBuildersTests
{
    // Building (not starting) needs an endpoint but no engine: this checks the builders accept what the definition gives them.
    private static readonly IDockerEndpointAuthenticationConfiguration NoEngine =
        new DockerEndpointAuthenticationConfiguration(new Uri("unix:///nonexistent/docker.sock"));

    private static readonly KafkaKraftClusterDefinition Seed = new KafkaKraftClusterBuilder().Build();

    [Fact]
    public void Every_container_is_built_from_its_definition_with_the_pinned_image()
    {
        var network = KafkaKraftContainerBuilders.Network(Seed, NoEngine).Build();

        var toxiproxy = KafkaKraftContainerBuilders.Toxiproxy(Seed.Toxiproxy, network, NoEngine, TimeSpan.FromMinutes(1)).Build();
        var nodes = Seed.Nodes.Select(n => KafkaKraftContainerBuilders.KafkaNode(n, network, NoEngine, TimeSpan.FromMinutes(1)).Build()).ToArray();

        toxiproxy.Image.FullName.Should().Be(DockerImages.Toxiproxy);
        nodes.Select(n => n.Image.FullName).Should().AllBe(DockerImages.Kafka).And.HaveCount(3);
    }
}
