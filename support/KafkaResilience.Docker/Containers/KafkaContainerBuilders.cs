using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Networks;
using KafkaResilience.Docker.Definition;

namespace KafkaResilience.Docker.Containers;

/// <summary>
/// Turns a <see cref="KafkaClusterDefinition"/> into Testcontainers builders, one to one: every
/// image, command, environment variable, alias and port comes from the definition, nothing is added
/// here but where the ports are published, so what the unit tests check is what Docker runs.
/// Testcontainers' single-node KafkaBuilder cannot express three voters or a ZooKeeper ensemble,
/// so plain <see cref="ContainerBuilder"/> is used.
/// </summary>
public static class KafkaContainerBuilders
{
    /// <summary>A network with a unique name per run (parallel runs and leftovers never collide).</summary>
    public static NetworkBuilder Network(KafkaClusterDefinition definition, IDockerEndpointAuthenticationConfiguration endpoint) =>
        new NetworkBuilder()
            .WithDockerEndpoint(endpoint)
            .WithName($"{definition.NetworkName}-{Guid.NewGuid().ToString("N")[..12]}");

    /// <summary>
    /// Toxiproxy: pinned image, <c>-host=0.0.0.0</c>, API on a random host port, each proxy port published
    /// on the same host port number (the number the broker advertises), every port on
    /// <paramref name="publishAddress"/> (loopback for a local engine), ready when GET /version answers.
    /// </summary>
    public static ContainerBuilder Toxiproxy(ToxiproxyDefinition toxiproxy, INetwork network, IDockerEndpointAuthenticationConfiguration endpoint,
        PublishAddress publishAddress, TimeSpan startupTimeout)
    {
        ArgumentNullException.ThrowIfNull(publishAddress);
        var builder = new ContainerBuilder(toxiproxy.Image)
            .WithDockerEndpoint(endpoint)
            .WithNetwork(network)
            .WithNetworkAliases(toxiproxy.NetworkAlias)
            .WithCommand([.. toxiproxy.Command])
            .WithPortBinding(toxiproxy.ApiPort, true)
            .WithCreateParameterModifier(parameters => BindPublishedPorts(parameters, publishAddress))
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(
                request => request.ForPort((ushort)toxiproxy.ApiPort).ForPath(ToxiproxyDefinition.ReadinessPath),
                strategy => strategy.WithTimeout(startupTimeout)));
        foreach (var port in toxiproxy.PublishedProxyPorts)
            builder = builder.WithPortBinding(port, port);
        return builder;
    }

    /// <summary>
    /// One Kafka node: pinned image, the whole configuration as environment, the node's alias on the
    /// network, no published ports (clients go through Toxiproxy), ready when the broker logs it started.
    /// KRaft nodes must be started together: a lone voter waits for a quorum.
    /// </summary>
    public static ContainerBuilder KafkaNode(KafkaNodeDefinition node, INetwork network, IDockerEndpointAuthenticationConfiguration endpoint, TimeSpan startupTimeout) =>
        new ContainerBuilder(node.Image)
            .WithDockerEndpoint(endpoint)
            .WithNetwork(network)
            .WithNetworkAliases(node.NetworkAlias)
            .WithEnvironment(node.Environment)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged(
                node.StartedPattern,
                strategy => strategy.WithTimeout(startupTimeout)));

    /// <summary>ZooKeeper (ZooKeeper stack): pinned image, its alias, no published ports, ready when its client port is bound.</summary>
    public static ContainerBuilder ZooKeeper(ZooKeeperDefinition zooKeeper, INetwork network, IDockerEndpointAuthenticationConfiguration endpoint, TimeSpan startupTimeout) =>
        new ContainerBuilder(zooKeeper.Image)
            .WithDockerEndpoint(endpoint)
            .WithNetwork(network)
            .WithNetworkAliases(zooKeeper.NetworkAlias)
            .WithEnvironment(zooKeeper.Environment)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged(
                zooKeeper.StartedPattern,
                strategy => strategy.WithTimeout(startupTimeout)));

    /// <summary>
    /// Puts every published port of a container on <paramref name="publishAddress"/>'s host address.
    /// Testcontainers leaves the host address empty, which Docker takes as every interface.
    /// </summary>
    public static void BindPublishedPorts(CreateContainerParameters parameters, PublishAddress publishAddress)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(publishAddress);
        if (publishAddress.HostIp is not { } hostIp || parameters.HostConfig?.PortBindings is not { } bindings)
            return;
        foreach (var binding in bindings.Values.Where(b => b is not null).SelectMany(b => b))
            binding.HostIP = hostIp;
    }
}
