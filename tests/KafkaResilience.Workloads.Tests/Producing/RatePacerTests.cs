using FluentAssertions;
using KafkaResilience.Workloads.Producing;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Producing;

public sealed class RatePacerTests
{
    [Fact]
    public void Messages_fall_due_on_an_absolute_schedule()
    {
        var pacer = new RatePacer(1_000_000, ticksPerSecond: 1_000_000_000, startTicks: 500);
        pacer.DueBy(500).Should().Be(1);
        pacer.DueBy(500 + 999).Should().Be(1);
        pacer.DueBy(500 + 1000).Should().Be(2);
        pacer.DueBy(500 + 1_000_000_000).Should().Be(1_000_001);
        pacer.DueAt(1_000_000).Should().Be(500 + 1_000_000_000);
    }

    [Fact]
    public void A_hundred_thousand_per_second_stays_exact_over_an_hour()
    {
        var pacer = new RatePacer(100_000, ticksPerSecond: 1_000_000_000, startTicks: 0);
        pacer.DueBy(3600L * 1_000_000_000).Should().Be(360_000_001);
    }

    [Fact]
    public void Zero_is_unlimited_and_negative_is_refused()
    {
        new RatePacer(0, 1000, 0).DueBy(0).Should().Be(long.MaxValue);
        var act = () => new RatePacer(-1, 1000, 0);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("ratePerSecond");
    }
}
