using System.Text.RegularExpressions;
using FluentAssertions;
using KafkaResilience.Docker.Containers;
using KafkaResilience.Docker.Definition;

namespace KafkaResilience.Docker.Tests.Containers;

public sealed class StartEvidenceTests
{
    private static readonly Regex KraftStarted = new(KafkaClusterDefaults.KraftStartedPattern);
    private static readonly DateTimeOffset Killed = new(2026, 11, 29, 15, 40, 12, 500, TimeSpan.Zero);

    [Fact]
    public void The_start_line_of_the_process_before_the_kill_is_no_evidence_of_a_restart()
    {
        // Given logs since the kill's second (Docker's "since" is to the second), holding the old process's start line
        const string logs =
            "2026-11-29T15:40:12.100000000Z [2026-11-29 15:40:12,100] INFO [KafkaRaftServer nodeId=106] Kafka Server started (kafka.server.KafkaRaftServer)\n" +
            "2026-11-29T15:40:12.900000000Z ===> Running in KRaft mode...\n";

        StartEvidence.IsFresh(logs, Killed, KraftStarted).Should().BeFalse();
    }

    [Fact]
    public void A_start_line_stamped_after_the_old_process_ended_is()
    {
        const string logs =
            "2026-11-29T15:40:12.900000000Z ===> Running in KRaft mode...\n" +
            "2026-11-29T15:40:19.123456789Z [2026-11-29 15:40:19,123] INFO [KafkaRaftServer nodeId=106] Kafka Server started (kafka.server.KafkaRaftServer)\n";

        StartEvidence.IsFresh(logs, Killed, KraftStarted).Should().BeTrue();
    }

    [Fact]
    public void Lines_without_a_docker_timestamp_are_ignored()
    {
        StartEvidence.IsFresh("Kafka Server started\n\n", Killed, KraftStarted).Should().BeFalse();
    }

    [Theory]
    [InlineData("2026-11-29T15:40:12.500000001Z", 2026, 11, 29, 15, 40, 12, 5_000_000)]
    [InlineData("2026-11-29T15:40:12Z", 2026, 11, 29, 15, 40, 12, 0)]
    [InlineData("2026-11-29T16:40:12.25+01:00", 2026, 11, 29, 15, 40, 12, 2_500_000)]
    public void Docker_times_with_nine_fractional_digits_are_read_to_the_tick(string text, int y, int mo, int d, int h, int mi, int s, long ticks)
    {
        StartEvidence.TryParseDockerTime(text, out var time).Should().BeTrue();

        time.Should().Be(new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.Zero).AddTicks(ticks));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0001-01-01T00:00:00Z junk")]
    [InlineData("yesterday")]
    public void Anything_else_is_not_a_time(string text) => StartEvidence.TryParseDockerTime(text, out _).Should().BeFalse();
}
