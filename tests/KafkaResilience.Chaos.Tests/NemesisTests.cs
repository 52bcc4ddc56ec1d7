using FluentAssertions;
using KafkaResilience.Chaos.Faults;
using KafkaResilience.Chaos.Targets;
using KafkaResilience.Chaos.Tests.Fakes;
using KafkaResilience.Chaos.Timeline;
using KafkaResilience.Cluster;
using Xunit;

namespace KafkaResilience.Chaos.Tests;

public sealed class NemesisTests
{
    private readonly FakeKafkaCluster _cluster = new();
    private readonly FakeToxiproxy _toxiproxy = new();
    private readonly Nemesis _nemesis;

    public NemesisTests()
    {
        _cluster.CreateTopicAsync(new TopicSpec("f", 3, 3)).GetAwaiter().GetResult();
        _nemesis = new Nemesis(new FaultContext(_cluster, _toxiproxy, _cluster, new FaultTimeline()));
    }

    [Fact]
    public async Task Heal_all_heals_every_active_fault_newest_first()
    {
        await _nemesis.InjectAsync(new KillBrokerFault(new SpecificBroker(105)), TestContext.Current.CancellationToken);
        await _nemesis.InjectAsync(new PauseBrokerFault(new SpecificBroker(106)), TestContext.Current.CancellationToken);
        await _nemesis.InjectAsync(new LatencyFault(new SpecificBroker(108), TimeSpan.FromMilliseconds(100), TimeSpan.Zero), TestContext.Current.CancellationToken);

        var errors = await _nemesis.HealAllAsync();

        errors.Should().BeEmpty();
        _nemesis.Active.Should().BeEmpty();
        _toxiproxy.Count.Should().Be(0);
        _cluster.Operations.Should().ContainInOrder("resume 106", "start 105");
    }

    [Fact]
    public async Task A_heal_that_fails_is_reported_and_the_others_still_heal()
    {
        await _nemesis.InjectAsync(new KillBrokerFault(new SpecificBroker(105)), TestContext.Current.CancellationToken);
        await _nemesis.InjectAsync(new LatencyFault(new SpecificBroker(108), TimeSpan.FromMilliseconds(100), TimeSpan.Zero), TestContext.Current.CancellationToken);
        _toxiproxy.Toxics.Clear(); // someone reset Toxiproxy behind our back: removing the toxic fails

        var errors = await _nemesis.HealAllAsync();

        errors.Should().ContainSingle().Which.Message.Should().Contain("latency");
        _cluster.Operations.Should().Contain("start 105");
    }

    [Fact]
    public async Task A_fault_with_a_duration_is_healed_after_it_even_when_the_scenario_is_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        var fault = new PauseBrokerFault(new SpecificBroker(106));
        var run = _nemesis.InjectForAsync(fault, TimeSpan.FromMinutes(5), cancel.Token);

        await cancel.CancelAsync();
        var act = () => run;

        await act.Should().ThrowAsync<OperationCanceledException>();
        fault.IsActive.Should().BeFalse();
        _cluster.Operations.Should().ContainInOrder("pause 106", "resume 106");
    }

    [Fact]
    public async Task Healing_a_broker_heals_only_the_faults_on_it()
    {
        await _nemesis.InjectAsync(new KillBrokerFault(new SpecificBroker(105)), TestContext.Current.CancellationToken);
        await _nemesis.InjectAsync(new PauseBrokerFault(new SpecificBroker(106)), TestContext.Current.CancellationToken);

        var healed = await _nemesis.HealBrokerAsync(105, TestContext.Current.CancellationToken);

        healed.Should().BeTrue();
        _nemesis.Active.Should().ContainSingle().Which.Should().BeOfType<PauseBrokerFault>();
    }

    [Fact]
    public async Task Injected_and_healed_events_let_the_history_mark_the_fault_window()
    {
        var seen = new List<string>();
        _nemesis.Injected += f => seen.Add($"+{f.Description}");
        _nemesis.Healed += f => seen.Add($"-{f.Description}");

        await _nemesis.InjectForAsync(new KillBrokerFault(new SpecificBroker(108)), TimeSpan.Zero, TestContext.Current.CancellationToken);

        seen.Should().Equal("+kill broker 108", "-kill broker 108");
    }
}
