using FluentAssertions;
using KafkaResilience.Chaos.Faults;
using KafkaResilience.Chaos.Targets;
using KafkaResilience.Chaos.Tests.Fakes;
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
        _nemesis = new Nemesis(new FaultContext(_cluster, _toxiproxy, _cluster, _ => { }));
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
    public async Task Every_listener_hears_each_step_of_a_fault_s_course_in_order()
    {
        var first = new HeardFaults();
        var second = new HeardFaults();
        var nemesis = new Nemesis(new FaultContext(_cluster, _toxiproxy, _cluster, _ => { }), [first, second]);

        await nemesis.InjectForAsync(new KillBrokerFault(new SpecificBroker(108)), TimeSpan.Zero, TestContext.Current.CancellationToken);

        string[] course = ["Injecting kill broker 108", "Injected kill broker 108", "Healing kill broker 108", "Healed kill broker 108"];
        first.Events.Should().Equal(course);
        second.Events.Should().Equal(course);
    }

    [Fact]
    public async Task A_fault_that_heals_itself_is_heard_healed_right_after_it_was_injected()
    {
        var heard = new HeardFaults();
        var notes = new List<string>();
        var nemesis = new Nemesis(new FaultContext(_cluster, _toxiproxy, _cluster, notes.Add), [heard]);

        await nemesis.InjectAsync(new RollingRestartFault(), TestContext.Current.CancellationToken);

        heard.Events.Should().Equal("Injecting restart every broker in turn", "Injected restart every broker in turn", "Healed restart every broker in turn");
        notes.Should().HaveCount(6, "each of the three brokers is noted stopped, then serving again");
    }

    [Fact]
    public async Task A_listener_that_fails_before_an_injection_stops_the_fault_before_anything_is_done()
    {
        var nemesis = new Nemesis(new FaultContext(_cluster, _toxiproxy, _cluster, _ => { }), [new HeardFaults(FaultEventKind.Injecting)]);
        var fault = new KillBrokerFault(new SpecificBroker(105));

        var act = () => nemesis.InjectAsync(fault, TestContext.Current.CancellationToken);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("listener fails on Injecting");
        _cluster.Operations.Should().NotContain("kill 105");
        nemesis.Faults.Should().BeEmpty();
    }

    [Fact]
    public async Task A_listener_that_fails_around_a_heal_never_stops_the_heal_and_its_failure_is_handed_back()
    {
        var nemesis = new Nemesis(new FaultContext(_cluster, _toxiproxy, _cluster, _ => { }), [new HeardFaults(FaultEventKind.Healing, FaultEventKind.Healed)]);
        await nemesis.InjectAsync(new KillBrokerFault(new SpecificBroker(105)), TestContext.Current.CancellationToken);

        var errors = await nemesis.HealAllAsync();

        _cluster.Operations.Should().Contain("start 105");
        nemesis.Active.Should().BeEmpty();
        errors.Select(e => e.Message).Should().Equal(
            "A listener of 'kill broker 105' (Healing) failed: listener fails on Healing",
            "A listener of 'kill broker 105' (Healed) failed: listener fails on Healed");
    }
}
