using FluentAssertions;
using KafkaResilience.Chaos.Fit;
using Xunit;

namespace KafkaResilience.Features;

/// <summary>
/// What a row needs of its target, read from the values its steps bind to (the product's real step definitions, matched as
/// Reqnroll matches them, nothing run): the same needs whatever the wording, as long as a step binds.
/// </summary>
public sealed class StepPlanTests(BoundSteps steps) : IClassFixture<BoundSteps>
{
    [Fact]
    public async Task A_send_after_a_group_started_reading_its_topics_is_read_while_sent()
    {
        // Given: three topics of three partitions, a group on all of them, one send spread over them
        var needs = await steps.NeedsAsync(
        [
            "a cluster of brokers 105, 106 and 108",
            "3 topics named \"sweep-1\" to \"sweep-3\", each with 3 partitions and replication factor 1",
            "3 consumers in group \"sweep-readers\" are reading \"sweep-*\"",
            "a producer sends 60000 messages of 100 bytes to \"sweep-*\" at 20000 messages per second",
        ]);

        // Then
        needs.PartitionsOf("sweep-*").Should().Be(9);
        needs.Sends.Should().ContainSingle().Which.Should().Be(new NeededSend(3, "sweep-*", 60000, 100, 20000, ReadWhileSent: true));
        needs.Rates.Should().ContainSingle().Which.Should().Be(new StatedRate(3, RateKind.SendPace, 20000));
        needs.DetectionDelay.Should().BeNull();
    }

    [Fact]
    public async Task A_send_before_any_group_reads_is_not_read_while_sent()
    {
        var needs = await steps.NeedsAsync(
        [
            "a topic \"c\" with 3 partitions and replication factor 3",
            "2 threads sharing one producer send 1000000 messages of 100 bytes to \"c\" as fast as it can",
            "1 consumer in group \"late\" is reading \"c\"",
        ]);

        needs.Sends.Should().ContainSingle().Which.Should().Be(new NeededSend(1, "c", 1_000_000, 100, null, ReadWhileSent: false));
        needs.Rates.Should().BeEmpty();
    }

    [Fact]
    public async Task Faults_are_read_with_how_they_keep_readers_away()
    {
        var needs = await steps.NeedsAsync(
        [
            "a cluster of brokers 105, 106 and 108 that moves leadership off a lost broker after 2 seconds",
            "the leader of partition 0 of \"f\" is killed",
            "broker 105 is paused for 4 seconds",
            "the coordinator of group \"f-readers\" is killed",
            "the connections to broker 106 get 100 ms of latency with 50 ms of jitter for 3 seconds",
            "the connections to broker 106 are capped at 64 KB per second",
            "the responses of the leader of partition 0 of \"d\" are held back for 3 seconds",
            "broker 106 is stopped cleanly",
            "the leader of partition 0 of \"f\" is bounced hard",
            "every broker is restarted in turn",
        ]);

        needs.DetectionDelay.Should().Be(TimeSpan.FromSeconds(2));
        needs.Gaps.Select(g => (g.Step, g.Kind, g.Duration, g.CapBytesPerSecond)).Should().Equal(
            (1, GapKind.LostBroker, (TimeSpan?)null, 0.0),
            (2, GapKind.LostBroker, TimeSpan.FromSeconds(4), 0.0),
            (3, GapKind.LostBroker, null, 0.0),
            (4, GapKind.WholeDuration, TimeSpan.FromSeconds(3), 0.0),
            (5, GapKind.BandwidthCap, null, 64 * 1024.0),
            (6, GapKind.WholeDuration, TimeSpan.FromSeconds(3), 0.0));
    }

    [Fact]
    public async Task Floors_prefills_and_late_groups_are_read_with_their_steps()
    {
        var needs = await steps.NeedsAsync(
        [
            "a topic \"q_1\" with 3 partitions and replication factor 3",
            "90000 messages of 100 bytes have been written to \"q_1\"",
            "the producers sent at least 60000 messages per second",
            "the consumers read at least 270000 messages per second",
            "3 consumers in group \"q_1-late-readers\" read all acknowledged messages of \"q_1\" within 600 seconds",
        ]);

        needs.Prefills.Should().ContainSingle().Which.Should().Be(new NeededSend(1, "q_1", 90000, 100, null, false));
        needs.Rates.Should().Equal(new StatedRate(2, RateKind.ProducerFloor, 60000), new StatedRate(3, RateKind.ConsumerFloor, 270000));
        needs.LateReads.Should().ContainSingle().Which.Should().Be(new LateRead(4, "q_1", "q_1-late-readers"));
    }

    [Fact]
    public async Task A_step_the_reader_does_not_know_needs_nothing()
    {
        var needs = await steps.NeedsAsync(["the moon is full", "a producer sends many messages of 100 bytes to \"x\" at 5 messages per second"]);

        needs.Sends.Should().BeEmpty();
        needs.Gaps.Should().BeEmpty();
    }
}
