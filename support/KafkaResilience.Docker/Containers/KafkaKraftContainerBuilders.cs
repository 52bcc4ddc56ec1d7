using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Networks;
using KafkaResilience.Docker.Definition;

namespace KafkaResilience.Docker.Containers;

/// <summary>
/// Turns a <see cref="KafkaKraftClusterDefinition"/> into Testcontainers builders, one to one: every
/// image, command, environment variable, alias and port comes from the definition, nothing is added
/// here, so what the unit tests check is what Docker runs. Testcontainers' single-node KafkaBuilder
/// cannot express three voters, so plain <see cref="ContainerBuilder"/> is used.
/// </summary>
public static class KafkaKraftContainerBuilders
{
    /// <summary>A network with a unique name per run (parallel runs and leftovers never collide).</summary>
    public static NetworkBuilder Network(KafkaKraftClusterDefinition definition, IDockerEndpointAuthenticationConfiguration endpoint) =>
        new NetworkBuilder()
            .WithDockerEndpoint(endpoint)
            .WithName($"{definition.NetworkName}-{Guid.NewGuid().ToString("N")[..12]}");

    /// <summary>
    /// Toxiproxy: pinned image, <c>-host=0.0.0.0</c>, API on a random host port, each proxy port published
    /// on the same host port number (the number the broker advertises), ready when GET /version answers.
    /// </summary>
    public static ContainerBuilder Toxiproxy(ToxiproxyDefinition toxiproxy, INetwork network, IDockerEndpointAuthenticationConfiguration endpoint, TimeSpan startupTimeout)
    {
        var builder = new ContainerBuilder(toxiproxy.Image)
            .WithDockerEndpoint(endpoint)
            .WithNetwork(network)
            .WithNetworkAliases(toxiproxy.NetworkAlias)
            .WithCommand([.. toxiproxy.Command])
            .WithPortBinding(toxiproxy.ApiPort, true)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(
                request => request.ForPort((ushort)toxiproxy.ApiPort).ForPath(ToxiproxyDefinition.ReadinessPath),
                strategy => strategy.WithTimeout(startupTimeout)));
        foreach (var port in toxiproxy.PublishedProxyPorts)
            builder = builder.WithPortBinding(port, port);
        return builder;
    }

    /// <summary>
    /// One KRaft node: pinned image, the whole configuration as environment, the node's alias on the
    /// network, no published ports (clients go through Toxiproxy), ready when the broker logs it started.
    /// Nodes must be started together: a lone voter waits for a quorum.
    /// </summary>
    public static ContainerBuilder KafkaNode(KafkaNodeDefinition node, INetwork network, IDockerEndpointAuthenticationConfiguration endpoint, TimeSpan startupTimeout) =>
        new ContainerBuilder(node.Image)
            .WithDockerEndpoint(endpoint)
            .WithNetwork(network)
            .WithNetworkAliases(node.NetworkAlias)
            .WithEnvironment(node.Environment)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged(
                KafkaKraftDefaults.StartedLogLine,
                strategy => strategy.WithTimeout(startupTimeout)));
}
