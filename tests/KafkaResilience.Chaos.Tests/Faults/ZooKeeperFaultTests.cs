using FluentAssertions;
using KafkaResilience.Chaos.Faults;
using KafkaResilience.Chaos.Tests.Fakes;
using KafkaResilience.Cluster;
using Xunit;

namespace KafkaResilience.Chaos.Tests.Faults;

public sealed class ZooKeeperFaultTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static FaultContext Context(IKafkaCluster cluster, List<string>? notes = null) =>
        new(cluster, new FakeToxiproxy(), new FakeKafkaCluster(), (notes ?? []).Add);

    [Fact]
    public async Task A_killed_zookeeper_is_started_again_by_its_heal_once()
    {
        var cluster = new FakeZooKeeperCluster();
        var notes = new List<string>();
        var fault = new KillZooKeeperFault();

        await fault.InjectAsync(Context(cluster, notes), Token);
        fault.IsActive.Should().BeTrue();
        await fault.HealAsync(Context(cluster, notes), Token);
        await fault.HealAsync(Context(cluster, notes), Token);

        cluster.Operations.Should().Equal("kill zookeeper", "start zookeeper");
        fault.IsActive.Should().BeFalse();
        fault.ResolvedBrokers.Should().BeEmpty();
        notes.Should().BeEmpty("a fault is recorded once, by whoever injects it, not by the fault itself");
    }

    [Fact]
    public async Task A_paused_zookeeper_is_resumed_by_its_heal()
    {
        var cluster = new FakeZooKeeperCluster();
        var fault = new PauseZooKeeperFault();

        await fault.InjectAsync(Context(cluster), Token);
        await fault.HealAsync(Context(cluster), Token);

        cluster.Operations.Should().Equal("pause zookeeper", "resume zookeeper");
        fault.Description.Should().Be("pause ZooKeeper");
    }

    [Fact]
    public async Task A_cluster_on_kraft_skips_the_scenario_with_its_own_reason()
    {
        var cluster = new FakeZooKeeperCluster("the docker target runs the KRaft stack, which has no ZooKeeper");

        var act = () => new KillZooKeeperFault().InjectAsync(Context(cluster), Token);

        (await act.Should().ThrowAsync<CapabilityMissingException>()).WithMessage("the docker target runs the KRaft stack, which has no ZooKeeper");
        cluster.Operations.Should().BeEmpty();
    }

    [Fact]
    public async Task A_target_that_never_has_a_zookeeper_skips_the_scenario_saying_where_one_runs()
    {
        var act = () => new PauseZooKeeperFault().InjectAsync(Context(new FakeKafkaCluster()), Token);

        (await act.Should().ThrowAsync<CapabilityMissingException>()).WithMessage("the fake target has no ZooKeeper to fault (only the docker target's ZooKeeper stack has one)");
    }

    [Fact]
    public async Task Healing_what_was_never_injected_does_nothing()
    {
        var cluster = new FakeZooKeeperCluster();

        await new KillZooKeeperFault().HealAsync(Context(cluster), Token);

        cluster.Operations.Should().BeEmpty();
    }
}
