using FluentAssertions;
using KafkaResilience.Docker.Definition;

namespace KafkaResilience.Docker.Tests.Definition;

public sealed class FailureDetectionTests
{
    [Theory]
    [InlineData(1_000, 250)]
    [InlineData(2_000, 500)]
    [InlineData(9_000, 2_000)]
    [InlineData(60_000, 2_000)]
    public void Kraft_heartbeats_come_at_a_quarter_of_the_session_and_never_slower_than_kafkas_default(int delayMs, int heartbeatMs)
    {
        var (session, heartbeat) = FailureDetection.Kraft(TimeSpan.FromMilliseconds(delayMs));

        session.Should().Be(delayMs);
        heartbeat.Should().Be(heartbeatMs).And.BeLessThan(session);
    }

    [Theory]
    [InlineData(1_000, 500)]
    [InlineData(2_000, 1_000)]
    [InlineData(6_000, 2_000)]
    [InlineData(60_000, 3_000)]
    [InlineData(300_000, 15_000)]
    public void The_zookeeper_tick_lets_zookeeper_grant_exactly_the_session_asked_for(int delayMs, int tickMs)
    {
        var (session, tick) = FailureDetection.ZooKeeper(TimeSpan.FromMilliseconds(delayMs));

        session.Should().Be(delayMs);
        tick.Should().Be(tickMs);
        // ZooKeeper clamps a requested session timeout to [2 tick, 20 tick]
        session.Should().BeInRange(2 * tick, 20 * tick);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(999)]
    [InlineData(300_001)]
    public void A_delay_real_kafka_cannot_honour_names_the_setting(int delayMs)
    {
        var act = () => FailureDetection.Kraft(TimeSpan.FromMilliseconds(delayMs));

        act.Should().Throw<ArgumentException>().WithMessage("DetectionDelay must be between 1 s and 5 min*");
    }
}
