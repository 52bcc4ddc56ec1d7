using FluentAssertions;
using KafkaResilience.Chaos.Timeline;
using KafkaResilience.Cluster;
using Xunit;

namespace KafkaResilience.Chaos.Tests.Timeline;

public sealed class FaultTimelineTests
{
    [Fact]
    public void A_fault_period_opens_on_injection_and_closes_on_heal()
    {
        var timeline = new FaultTimeline();
        timeline.Injected("kill broker 106");
        timeline.Periods.Should().ContainSingle().Which.Healed.Should().BeNull();

        timeline.Healed("kill broker 106");

        timeline.Periods.Single().Healed.Should().NotBeNull();
    }

    [Fact]
    public void Leadership_changes_are_absorbed_once_and_kept_in_time_order()
    {
        var timeline = new FaultTimeline();
        var at = DateTimeOffset.UtcNow.AddSeconds(-1);
        var changes = new[] { new LeadershipChange(at, "q_1", 2, 106, 108, "broker 106 lost") };
        timeline.Injected("kill broker 106");

        timeline.Absorb(changes);
        timeline.Absorb(changes);

        timeline.Entries.Should().HaveCount(2);
        timeline.Entries[0].Kind.Should().Be(FaultTimelineEntryKind.LeaderChange);
        timeline.ToText().Should().Contain("leader of q_1-2 moved broker 106 -> broker 108");
    }
}
