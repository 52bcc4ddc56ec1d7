using FluentAssertions;
using KafkaResilience.Chaos.Faults;
using KafkaResilience.Chaos.Network;
using KafkaResilience.Chaos.Targets;
using KafkaResilience.Chaos.Tests.Fakes;
using KafkaResilience.Cluster;
using KafkaResilience.Cluster.Toxiproxy;
using Xunit;

namespace KafkaResilience.Chaos.Tests.Faults;

public sealed class ToxicFaultTests
{
    private readonly FakeKafkaCluster _cluster = new();
    private readonly FakeToxiproxy _toxiproxy = new();
    private readonly FaultContext _context;

    public ToxicFaultTests()
    {
        _cluster.CreateTopicAsync(new TopicSpec("f", 3, 3)).GetAwaiter().GetResult();
        _context = new FaultContext(_cluster, _toxiproxy, _cluster, _ => { });
    }

    [Fact]
    public async Task Latency_with_jitter_delays_the_responses_of_the_leaders_proxy()
    {
        var fault = new LatencyFault(new PartitionLeader("f", 0), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(50));

        await fault.InjectAsync(_context, TestContext.Current.CancellationToken);

        var toxic = _toxiproxy.Toxics["broker-105"].Should().ContainSingle().Subject;
        toxic.Type.Should().Be(ToxicType.Latency);
        toxic.Stream.Should().Be(ToxicStream.Downstream);
        toxic.Attributes.Should().Contain("latency", 100).And.Contain("jitter", 50);
    }

    [Fact]
    public async Task A_bandwidth_cap_limits_both_directions_and_its_heal_removes_both()
    {
        var fault = new BandwidthFault(new SpecificBroker(106), 64);

        await fault.InjectAsync(_context, TestContext.Current.CancellationToken);
        _toxiproxy.Toxics["broker-106"].Select(t => t.Stream).Should().BeEquivalentTo([ToxicStream.Upstream, ToxicStream.Downstream]);
        await fault.HealAsync(_context, TestContext.Current.CancellationToken);

        _toxiproxy.Count.Should().Be(0);
    }

    [Fact]
    public async Task Two_toxic_faults_on_one_broker_heal_independently()
    {
        var reset = new ConnectionResetFault(new SpecificBroker(108));
        var hold = new ResponseHoldFault(new SpecificBroker(108));
        await reset.InjectAsync(_context, TestContext.Current.CancellationToken);
        await hold.InjectAsync(_context, TestContext.Current.CancellationToken);

        await reset.HealAsync(_context, TestContext.Current.CancellationToken);

        _toxiproxy.Toxics["broker-108"].Should().ContainSingle().Which.Type.Should().Be(ToxicType.Timeout);
    }

    [Fact]
    public async Task A_target_without_toxics_skips_with_the_reason()
    {
        var cluster = new FakeKafkaCluster(new ClusterCapabilities(new Dictionary<Capability, string> { [Capability.NetworkToxics] = "started without fault proxies" }));
        var context = new FaultContext(cluster, null, cluster, _ => { });

        var act = () => new LatencyFault(new SpecificBroker(105), TimeSpan.FromMilliseconds(100), TimeSpan.Zero).InjectAsync(context, TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<CapabilityMissingException>()).Which.Message.Should().Contain("started without fault proxies");
    }

    [Fact]
    public void Latency_options_are_validated_before_anything_runs()
    {
        var act = () => new LatencyFault(new SpecificBroker(105), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200));
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("jitter");
    }
}
