using FluentAssertions;
using KafkaResilience.Chaos.Faults;
using KafkaResilience.Chaos.Targets;
using KafkaResilience.Chaos.Tests.Fakes;
using KafkaResilience.Cluster;
using Xunit;

namespace KafkaResilience.Chaos.Tests.Faults;

public sealed class BrokerFaultTests
{
    private readonly List<string> _notes = [];

    private (FakeKafkaCluster Cluster, FaultContext Context) Start(ClusterCapabilities? capabilities = null)
    {
        var cluster = new FakeKafkaCluster(capabilities);
        cluster.CreateTopicAsync(new TopicSpec("q_1", 3, 3)).GetAwaiter().GetResult();
        return (cluster, new FaultContext(cluster, new FakeToxiproxy(), cluster, _notes.Add));
    }

    [Fact]
    public async Task A_kill_of_the_leader_targets_the_leader_at_the_moment_it_fires()
    {
        // Given partition 2 is led by 108 when the fault is written, then by 106
        var (cluster, context) = Start();
        var fault = new KillBrokerFault(new PartitionLeader("q_1", 2));
        cluster.SetLeader("q_1", 2, 106);

        // When
        await fault.InjectAsync(context, TestContext.Current.CancellationToken);

        // Then
        cluster.Operations.Should().Contain("kill 106");
        fault.ResolvedBrokers.Should().Equal(106);
        fault.IsActive.Should().BeTrue();
    }

    [Fact]
    public async Task Healing_a_kill_starts_the_broker_once_and_a_second_heal_does_nothing()
    {
        var (cluster, context) = Start();
        var fault = new KillBrokerFault(new SpecificBroker(106));
        await fault.InjectAsync(context, TestContext.Current.CancellationToken);

        await fault.HealAsync(context, TestContext.Current.CancellationToken);
        await fault.HealAsync(context, TestContext.Current.CancellationToken);

        cluster.Operations.Count(o => o == "start 106").Should().Be(1);
        fault.IsActive.Should().BeFalse();
        _notes.Should().BeEmpty("a fault is recorded once, by whoever injects it, not by the fault itself");
    }

    [Fact]
    public async Task Healing_a_fault_that_was_never_injected_does_nothing()
    {
        var (cluster, context) = Start();
        await new PauseBrokerFault(new SpecificBroker(105)).HealAsync(context, TestContext.Current.CancellationToken);
        cluster.Operations.Should().NotContain(o => o.StartsWith("resume", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("stop", "start")]
    [InlineData("pause", "resume")]
    [InlineData("isolate", "heal")]
    public async Task Every_broker_fault_is_undone_by_its_heal(string inject, string heal)
    {
        var (cluster, context) = Start();
        IFault fault = inject switch
        {
            "stop" => new StopBrokerFault(new SpecificBroker(105)),
            "pause" => new PauseBrokerFault(new SpecificBroker(105)),
            _ => new IsolateBrokerFault(new SpecificBroker(105)),
        };

        await fault.InjectAsync(context, TestContext.Current.CancellationToken);
        await fault.HealAsync(context, TestContext.Current.CancellationToken);

        cluster.Operations.Should().ContainInOrder($"{inject} 105", $"{heal} 105");
    }

    [Fact]
    public async Task A_target_without_the_capability_skips_with_its_reason_and_nothing_is_done()
    {
        // Given a target that cannot pause, and a listener that would see the fault begin
        var (cluster, context) = Start(new ClusterCapabilities(new Dictionary<Capability, string> { [Capability.Pause] = "no freezer here" }));
        var heard = new HeardFaults();
        var fault = new PauseBrokerFault(new SpecificBroker(106));

        // When the nemesis is asked to inject it (the one place a fault's requirements are checked)
        var act = () => new Nemesis(context, [heard]).InjectAsync(fault, TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<CapabilityMissingException>()).Which.Message.Should().Contain("no freezer here");
        cluster.Operations.Should().NotContain(o => o.StartsWith("pause", StringComparison.Ordinal));
        fault.IsActive.Should().BeFalse();
        heard.Events.Should().BeEmpty("nothing was done, so nothing is told");
    }

    [Fact]
    public async Task The_controller_of_a_target_without_one_is_a_missing_capability()
    {
        var (_, context) = Start(new ClusterCapabilities(new Dictionary<Capability, string> { [Capability.ControllerFailover] = "no controller process" }));
        var fault = new KillBrokerFault(new ActiveController());

        var act = () => new Nemesis(context).InjectAsync(fault, TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<CapabilityMissingException>()).Which.Message.Should().Contain("no controller process");
    }

    [Fact]
    public async Task A_hard_bounce_kills_then_starts_and_leaves_nothing_to_heal()
    {
        var (cluster, context) = Start();
        var fault = new BounceBrokerFault(new SpecificBroker(108), hard: true);

        await fault.InjectAsync(context, TestContext.Current.CancellationToken);
        await fault.HealAsync(context, TestContext.Current.CancellationToken);

        cluster.Operations.Should().Equal("create q_1", "kill 108", "start 108");
        cluster.IsDown(108).Should().BeFalse();
    }

    [Fact]
    public async Task A_rolling_restart_never_has_two_brokers_down_and_restarts_all()
    {
        var (cluster, context) = Start();
        var fault = new RollingRestartFault();

        await fault.InjectAsync(context, TestContext.Current.CancellationToken);

        cluster.MaxDownAtOnce.Should().Be(1);
        cluster.Operations.Should().Equal("create q_1", "stop 105", "start 105", "stop 106", "start 106", "stop 108", "start 108");
        fault.IsActive.Should().BeFalse();
        fault.ResolvedBrokers.Should().Equal(105, 106, 108);
    }
}
