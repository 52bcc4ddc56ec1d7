using FluentAssertions;
using KafkaResilience.Chaos.Faults;
using KafkaResilience.Chaos.Targets;
using KafkaResilience.Chaos.Tests.Fakes;
using KafkaResilience.Cluster;
using Xunit;

namespace KafkaResilience.Chaos.Tests.Faults;

public sealed class FaultContextTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static (FakeAdminOnlyCluster Cluster, FaultContext Context) AdminOnly()
    {
        var cluster = new FakeAdminOnlyCluster();
        cluster.CreateTopicAsync(new TopicSpec("q_1", 3, 3)).GetAwaiter().GetResult();
        return (cluster, new FaultContext(cluster, new FakeToxiproxy(), cluster.Inner, _ => { }));
    }

    public static TheoryData<string, Capability> FaultsAndTheRoleTheyNeed => new()
    {
        { "kill", Capability.HardKill },
        { "stop", Capability.CleanStop },
        { "pause", Capability.Pause },
        { "bounce", Capability.HardKill },
        { "isolate", Capability.IsolateFromClients },
        { "latency", Capability.NetworkToxics },
    };

    private static IFault Fault(string name) => name switch
    {
        "kill" => new KillBrokerFault(new SpecificBroker(106)),
        "stop" => new StopBrokerFault(new SpecificBroker(106)),
        "pause" => new PauseBrokerFault(new SpecificBroker(106)),
        "bounce" => new BounceBrokerFault(new SpecificBroker(106), hard: true),
        "isolate" => new IsolateBrokerFault(new SpecificBroker(106)),
        "latency" => new LatencyFault(new SpecificBroker(106), TimeSpan.FromMilliseconds(100), TimeSpan.Zero),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such fault in this test"),
    };

    [Theory]
    [MemberData(nameof(FaultsAndTheRoleTheyNeed))]
    public async Task A_cluster_without_the_role_a_fault_needs_skips_it_naming_the_capability_and_the_target(string name, Capability capability)
    {
        // Given a cluster whose capabilities claim everything but whose type has no broker role
        var (cluster, context) = AdminOnly();
        var fault = Fault(name);

        // When
        var inject = () => fault.InjectAsync(context, Token);

        // Then
        var missing = (await inject.Should().ThrowAsync<CapabilityMissingException>()).Which;
        missing.Capability.Should().Be(capability);
        missing.Message.Should().StartWith($"admin-only target cannot do this ({capability}):");
        fault.IsActive.Should().BeFalse("nothing was done, so nothing is left to heal");
        await fault.Invoking(f => f.HealAsync(context, Token)).Should().NotThrowAsync();
        cluster.Inner.Operations.Should().Equal("create q_1");
    }

    [Fact]
    public async Task A_rolling_restart_on_a_cluster_without_broker_faults_is_skipped_before_it_is_active()
    {
        var (cluster, context) = AdminOnly();
        var fault = new RollingRestartFault();

        var inject = () => fault.InjectAsync(context, Token);

        (await inject.Should().ThrowAsync<CapabilityMissingException>()).Which.Capability.Should().Be(Capability.CleanStop);
        fault.IsActive.Should().BeFalse();
        cluster.Inner.Operations.Should().Equal("create q_1");
    }

    [Fact]
    public void The_reason_the_target_gives_for_a_missing_capability_is_kept()
    {
        var cluster = new FakeKafkaCluster(new ClusterCapabilities(new Dictionary<Capability, string> { [Capability.Pause] = "no freezer here" }));
        var context = new FaultContext(new FakeAdminOnlyCluster(cluster), null, cluster, _ => { });

        var lookUp = () => context.BrokerFaults(Capability.Pause);

        lookUp.Should().Throw<CapabilityMissingException>().WithMessage("admin-only target cannot do this (Pause): no freezer here");
    }

    [Fact]
    public void A_cluster_with_the_roles_is_handed_back_as_itself()
    {
        var cluster = new FakeKafkaCluster();
        var context = new FaultContext(cluster, null, cluster, _ => { });

        context.BrokerFaults(Capability.HardKill).Should().BeSameAs(cluster);
        context.BrokerIsolation(Capability.IsolateFromClients).Should().BeSameAs(cluster);
        context.BrokerProxies(Capability.NetworkToxics).Should().BeSameAs(cluster);
    }
}
