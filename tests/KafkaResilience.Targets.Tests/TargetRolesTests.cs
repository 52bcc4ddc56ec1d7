using FluentAssertions;
using KafkaResilience.Cluster;
using KafkaResilience.Docker;
using KafkaResilience.Embedded;
using KafkaResilience.Targets.External;

namespace KafkaResilience.Targets.Tests;

/// <summary>What each target can be asked to do is a fact of its type: the roles it implements beside <see cref="IKafkaCluster"/>.</summary>
public sealed class TargetRolesTests
{
    private static readonly Type[] Roles =
        [typeof(IBrokerFaults), typeof(IBrokerIsolation), typeof(IBrokerProxies), typeof(IZooKeeperFaults), typeof(ITransactionCoordinators)];

    private static IEnumerable<Type> RolesOf(Type target) => Roles.Where(role => role.IsAssignableFrom(target));

    [Fact]
    public void The_embedded_target_owns_its_brokers_and_their_proxies_and_pins_transaction_coordinators()
    {
        typeof(IKafkaCluster).IsAssignableFrom(typeof(EmbeddedCluster)).Should().BeTrue();
        RolesOf(typeof(EmbeddedCluster)).Should().Equal(typeof(IBrokerFaults), typeof(IBrokerIsolation), typeof(IBrokerProxies), typeof(ITransactionCoordinators));
    }

    [Fact]
    public void The_docker_target_owns_its_brokers_their_proxies_and_its_ZooKeeper()
    {
        typeof(IKafkaCluster).IsAssignableFrom(typeof(DockerCluster)).Should().BeTrue();
        RolesOf(typeof(DockerCluster)).Should().Equal(typeof(IBrokerFaults), typeof(IBrokerIsolation), typeof(IBrokerProxies), typeof(IZooKeeperFaults));
    }

    [Fact]
    public void The_external_target_cannot_kill_stop_or_pause_a_broker_it_does_not_run()
    {
        typeof(IKafkaCluster).IsAssignableFrom(typeof(ExternalCluster)).Should().BeTrue();
        RolesOf(typeof(ExternalCluster)).Should().Equal(typeof(IBrokerIsolation), typeof(IBrokerProxies));
    }
}
