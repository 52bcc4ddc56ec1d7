using FluentAssertions;
using KafkaResilience.Chaos.Fit;
using KafkaResilience.Chaos.Fit.Planned;
using KafkaResilience.Chaos.Targets;
using KafkaResilience.Chaos.Vocabulary;
using Xunit;

namespace KafkaResilience.Chaos.Tests.Fit;

/// <summary>A row's needs, from its planned steps written by hand: what each adds, and what spans several steps.</summary>
public sealed class ScenarioNeedsBuilderTests
{
    private static ScenarioNeeds Needs(params IPlannedStep?[] plan) => ScenarioNeedsBuilder.Of(plan, [.. plan.Select((_, i) => $"step {i}")]);

    [Fact]
    public void A_send_is_read_while_sent_only_when_a_group_already_reads_its_topics()
    {
        var needs = Needs(
            new TopicsCreated(3, "sweep-", 3, 1),
            new SendPlanned(new ProducerSetup(1, 1), new MessageBatch(10, 100), "sweep-*", new SendPace(0)),
            new GroupReading(3, "g", "sweep-*"),
            new SendPlanned(new ProducerSetup(1, 1), new MessageBatch(60000, 100), "sweep-*", new SendPace(20000)));

        needs.PartitionsOf("sweep-*").Should().Be(9);
        needs.Sends.Should().Equal(new NeededSend(1, "sweep-*", 10, 100, null, false), new NeededSend(3, "sweep-*", 60000, 100, 20000, true));
        needs.Rates.Should().Equal(new StatedRate(3, RateKind.SendPace, 20000));
    }

    [Fact]
    public void A_crashed_consumer_keeps_its_partitions_unread_for_its_session_and_the_time_let_pass_until_its_restart()
    {
        var restarted = Needs(new ConsumerCrashed(1, "g"), new TimePassed(TimeSpan.FromSeconds(1)), new TimePassed(TimeSpan.FromSeconds(2)), new ConsumerRestarted(1, "g"));
        var never = Needs(null, new ConsumerCrashed(1, "g"));

        restarted.Gaps.Should().ContainSingle().Which.Should().Be(
            new ReaderGap(0, "a consumer crashes and is restarted", GapKind.WholeDuration, ScenarioNeedsBuilder.CrashedConsumerSession + TimeSpan.FromSeconds(3)));
        never.Gaps.Should().ContainSingle().Which.Should().Be(new ReaderGap(1, "a consumer crashes", GapKind.WholeDuration, null));
    }

    [Fact]
    public void Faults_keep_readers_away_by_their_kind_and_name_their_step()
    {
        var broker = new SpecificBroker(106);

        var needs = Needs(new BrokerLost(broker), new BrokerLost(broker, TimeSpan.FromSeconds(4)), new BrokerSlowed(broker, 100, 50, TimeSpan.FromSeconds(3)),
            new BrokerCapped(broker, 64), new BrokerCapped(broker, 0, TimeSpan.FromSeconds(1)));

        needs.Gaps.Select(g => (g.Step, g.Fault, g.Kind, g.Duration, g.CapBytesPerSecond)).Should().Equal(
            (0, "step 0", GapKind.LostBroker, (TimeSpan?)null, 0.0),
            (1, "step 1", GapKind.LostBroker, TimeSpan.FromSeconds(4), 0.0),
            (2, "step 2", GapKind.WholeDuration, TimeSpan.FromSeconds(3), 0.0),
            (3, "step 3", GapKind.BandwidthCap, null, 64 * 1024.0));
    }

    [Fact]
    public void A_plan_that_does_not_match_the_row_is_refused()
    {
        var mismatch = () => ScenarioNeedsBuilder.Of([null, null], ["only one step"]);

        mismatch.Should().Throw<ArgumentException>().WithMessage("The plan has 2 steps but the row 1.*");
    }
}
