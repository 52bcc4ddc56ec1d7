using FluentAssertions;
using KafkaResilience.Chaos.Fit;
using KafkaResilience.Cluster;
using KafkaResilience.Embedded;
using Xunit;

namespace KafkaResilience.Features;

/// <summary>Whether a row can be judged on a target, decided up front from the values the row's steps bind to.</summary>
public sealed class ScenarioFitTests(BoundSteps steps) : IClassFixture<BoundSteps>
{
    // The headline scenario (broker-dies-mid-send.feature) as the runner expands one row: background, then the outline.
    private static string[] Headline(string messages = "100000000", string pace = "at 100000 messages per second", string fault = "broker 106 is killed") =>
    [
        "a cluster of brokers 105, 106 and 108 that moves leadership off a lost broker after 2 seconds",
        "a topic \"q_1\" with 3 partitions and replication factor 3",
        "broker 106 leads at least one partition of \"q_1\"",
        "the producer uses these settings:",
        "3 consumers in group \"q_1-readers\" are reading \"q_1\"",
        $"a producer sends {messages} messages of 100 bytes to \"q_1\" {pace}",
        "1% of the messages have been acknowledged",
        fault,
        "the producer has finished within 1500 seconds",
        "the consumers have read every acknowledged message within 600 seconds",
        "every partition of \"q_1\" that broker 106 led has a new leader among brokers 105 and 108",
        "every message was acknowledged",
        "no acknowledged message is lost",
        "the producer stalled for at most 30 seconds",
        "the consumers resumed within 60 seconds of the kill",
        "broker 106 is started again",
        "broker 106 is back in the cluster within 30 seconds",
        "no partition of \"q_1\" is led by broker 106",
        "3 consumers in group \"q_1-late-readers\" read all acknowledged messages of \"q_1\" within 600 seconds",
        "no acknowledged message is lost",
    ];

    private const int LateReadersStep = 18;

    private async Task<FitDecision> OnEmbedded(params string[] texts) => ScenarioFit.Decide(await steps.NeedsAsync(texts), EmbeddedCapabilities.Limits, "embedded");

    [Fact]
    public async Task The_headline_at_the_seed_s_size_is_skipped_on_embedded_with_its_numbers()
    {
        // When
        var decision = await OnEmbedded(Headline());

        // Then: the kill keeps readers from a partition for 2 s, longer than the 1.1 s the mock keeps of a 33,333 msg/s stream
        decision.SkipReason.Should().StartWith("the embedded target cannot judge this row: ")
            .And.Contain("\"broker 106 is killed\" keeps the readers from a partition for 2 s (until leadership moves off the lost broker, as the cluster step says)")
            .And.Contain("33,333 msg/s into each partition of \"q_1\"")
            .And.Contain("37,500 such records, 1.1 s of this stream");
        // ...and, besides, the late group would need the whole send kept
        decision.SkipReason.Should().Contain("the late group \"q_1-late-readers\" needs 100,000,000 x 100 B (10.0 GB) kept, 33,333,334 records per partition of \"q_1\"");
    }

    [Fact]
    public async Task The_headline_s_smoke_row_runs_on_embedded_late_readers_included()
    {
        var decision = await OnEmbedded(Headline("100000", "at 20000 messages per second"));

        decision.SkipReason.Should().BeNull();
        decision.StepReasons.Should().BeEmpty();
        decision.Facts.Should().Contain(f => f.Contains("the late group \"q_1-late-readers\" reads 100,000 messages: 33,334 records per partition, 37,500 kept"));
    }

    [Fact]
    public async Task A_row_whose_only_unjudgeable_step_is_the_late_group_skips_that_step_alone()
    {
        // Given: the seed's size, but a clean stop (no gap) instead of the kill
        var decision = await OnEmbedded(Headline(fault: "broker 106 is stopped cleanly"));

        // Then
        decision.SkipReason.Should().BeNull();
        decision.StepReasons.Should().ContainSingle().Which.Key.Should().Be(LateReadersStep);
        decision.StepReasons[LateReadersStep].Should().Be(
            "not judged on the embedded target: the late group \"q_1-late-readers\" needs 100,000,000 x 100 B (10.0 GB) kept, 33,333,334 records per partition of \"q_1\"; " +
            EmbeddedCapabilities.Limits.RetentionFact + " (37,500 such records)");
    }

    [Fact]
    public async Task A_target_without_limits_judges_every_row()
    {
        var decision = ScenarioFit.Decide(await steps.NeedsAsync(Headline()), CapabilityLimits.None, "docker");

        decision.SkipReason.Should().BeNull();
        decision.StepReasons.Should().BeEmpty();
    }

    [Fact]
    public async Task A_floor_of_the_seed_s_size_judges_the_mock_not_kafka()
    {
        var decision = await OnEmbedded(
            "a cluster of brokers 105, 106 and 108",
            "a topic \"baseline\" with 3 partitions and replication factor 1",
            "a producer sends 100000000 messages of 100 bytes to \"baseline\" at 1000000 messages per second",
            "the producer has finished within 1500 seconds",
            "the producer sent at least 900000 messages per second");

        decision.SkipReason.Should().Contain("the send pace of 1,000,000 msg/s, producer floor of 900,000 msg/s compare with the seed's 3 brokers of 4 cores each")
            .And.Contain("826,000-922,000 msg/s").And.Contain("a rate above 413,000 msg/s (half the slowest of those)");
    }

    [Fact]
    public async Task A_smoke_floor_is_judged_on_embedded()
    {
        var decision = await OnEmbedded(
            "a cluster of brokers 105, 106 and 108",
            "a topic \"baseline\" with 3 partitions and replication factor 1",
            "a producer sends 300000 messages of 100 bytes to \"baseline\" at 100000 messages per second",
            "the producer sent at least 90000 messages per second");

        decision.SkipReason.Should().BeNull();
    }

    [Fact]
    public async Task Messages_written_first_must_all_fit_the_window_until_they_are_read()
    {
        var decision = await OnEmbedded(
            "a cluster of brokers 105, 106 and 108",
            "a topic \"three\" with 3 partitions and replication factor 3",
            "3000000 messages of 100 bytes have been written to \"three\"",
            "3 consumers in group \"three-readers\" read all 3000000 messages of \"three\" 1 time within 600 seconds");

        decision.SkipReason.Should().Contain("writing 3,000,000 messages of 100 B to \"three\" before it reads them needs 1,000,000 records (120.0 MB) kept per partition");
        (await OnEmbedded(
            "a cluster of brokers 105, 106 and 108",
            "a topic \"three\" with 3 partitions and replication factor 3",
            "60000 messages of 100 bytes have been written to \"three\"")).SkipReason.Should().BeNull();
    }

    [Fact]
    public async Task A_send_read_while_sent_as_fast_as_the_producers_can_cannot_be_followed_in_a_bounded_window()
    {
        var decision = await OnEmbedded(
            "a cluster of brokers 105, 106 and 108",
            "a topic \"scaled\" with 2 partitions and replication factor 3",
            "2 consumers in group \"scaled-readers\" are reading \"scaled\"",
            "2 producers send 3000000 messages of 100 bytes to \"scaled\" as fast as they can");

        decision.SkipReason.Should().Contain("the send of 3,000,000 messages to \"scaled\" runs as fast as the producers can while a group reads it: 1,500,000 records (180.0 MB) per partition");
    }

    [Fact]
    public async Task A_crashed_consumer_keeps_its_partitions_unread_for_its_session_and_the_pause()
    {
        var decision = await OnEmbedded(
            "a cluster of brokers 105, 106 and 108",
            "a topic \"c\" with 3 partitions and replication factor 3",
            "1 consumer in group \"crashing\" is reading \"c\", committing after processing",
            "a producer sends 1000000 messages of 100 bytes to \"c\" at 100000 messages per second",
            "40% of the messages have been acknowledged",
            "consumer 1 of group \"crashing\" crashes",
            "1 second has passed",
            "consumer 1 of group \"crashing\" is restarted");

        decision.SkipReason.Should().Contain("\"a consumer crashes and is restarted\" keeps the readers from a partition for 7 s (the fault's length)");
    }

    [Fact]
    public async Task A_fault_whose_gap_and_a_healthy_lag_fit_the_window_is_judged()
    {
        string[] Reset(int rate) =>
        [
            "a cluster of brokers 105, 106 and 108 that moves leadership off a lost broker after 2 seconds",
            "a topic \"f\" with 3 partitions and replication factor 3",
            "3 consumers in group \"f-readers\" are reading \"f\"",
            $"a producer sends 1000000 messages of 100 bytes to \"f\" at {rate} messages per second",
            "the connections to the leader of partition 0 of \"f\" are reset for 1 second",
        ];

        // 20,000 msg/s: a window of 5.6 s holds the 1 s gap and 1 s of lag
        var slow = await OnEmbedded(Reset(20_000));
        slow.SkipReason.Should().BeNull();
        slow.Facts.Should().Contain(f => f.Contains("never fall more than 5.6 s behind") && f.Contains("the longest gap a fault makes: 1 s (the fault's length)"));
        // 100,000 msg/s: a window of 1.1 s does not (such a row does not reliably pass: README, "What each target can judge")
        (await OnEmbedded(Reset(100_000))).SkipReason.Should().Contain("keeps the readers from a partition for 1 s (the fault's length), and a healthy reader lags up to 1 s besides");
    }

    [Fact]
    public async Task A_bandwidth_cap_a_partition_s_stream_fits_makes_no_gap()
    {
        // 1,000 msg/s over 3 partitions is 40 KB/s a partition, under a 64 KB/s cap; 100,000 msg/s is not
        string[] Capped(int rate) =>
        [
            "a cluster of brokers 105, 106 and 108",
            "a topic \"f\" with 3 partitions and replication factor 3",
            "3 consumers in group \"f-readers\" are reading \"f\"",
            $"a producer sends 1000000 messages of 100 bytes to \"f\" at {rate} messages per second",
            "the connections to the leader of partition 0 of \"f\" are capped at 64 KB per second for 3 seconds",
        ];

        (await OnEmbedded(Capped(1000))).SkipReason.Should().BeNull();
        (await OnEmbedded(Capped(100_000))).SkipReason.Should().Contain("keeps the readers from a partition for 3 s (the fault's length)");
    }

    [Fact]
    public async Task A_send_that_fits_the_window_needs_nothing_of_its_readers()
    {
        var decision = await OnEmbedded(
            "a cluster of brokers 105, 106 and 108 that moves leadership off a lost broker after 2 seconds",
            "a topic \"f\" with 3 partitions and replication factor 3",
            "3 consumers in group \"f-readers\" are reading \"f\"",
            "a producer sends 40000 messages of 100 bytes to \"f\" at 20000 messages per second",
            "the leader of partition 0 of \"f\" is killed");

        decision.SkipReason.Should().BeNull();
        decision.Facts.Should().Contain("the send of 40,000 messages fits the window: 13,334 records (1.6 MB) per partition of \"f\", 37,500 kept");
    }
}
