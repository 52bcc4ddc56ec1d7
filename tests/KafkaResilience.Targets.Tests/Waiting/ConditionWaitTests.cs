using FluentAssertions;
using KafkaResilience.Cluster.Waiting;
using Xunit;

namespace KafkaResilience.Targets.Tests.Waiting;

public sealed class ConditionWaitTests
{
    /// <summary>A clock the test moves by hand (its timers are the system's, so a pause of a tick is a real, short pause).</summary>
    private sealed class SteppedClock : TimeProvider
    {
        public long Ticks { get; set; }
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Ticks;
        public void Advance(TimeSpan by) => Ticks += by.Ticks;
    }

    [Fact]
    public async Task A_condition_that_never_holds_fails_with_the_message_after_the_deadline()
    {
        var act = () => ConditionWait.UntilAsync(() => false, TimeSpan.FromMilliseconds(50), () => "broker 106 never came back", TestContext.Current.CancellationToken);
        (await act.Should().ThrowAsync<TimeoutException>()).Which.Message.Should().Contain("broker 106 never came back");
    }

    [Fact]
    public async Task A_condition_that_holds_returns_at_once()
    {
        var checks = 0;
        await ConditionWait.UntilAsync(() => ++checks >= 3, TimeSpan.FromSeconds(5), () => "never", TestContext.Current.CancellationToken, TimeSpan.FromMilliseconds(1));
        checks.Should().Be(3);
    }

    [Fact]
    public async Task The_time_a_condition_took_is_measured_on_the_injected_clock()
    {
        // Given a clock that moves one second each time the condition is checked
        var clock = new SteppedClock();
        var checks = 0;
        bool Condition()
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return ++checks >= 4;
        }

        // When the wait polls it
        var took = await ConditionWait.WithinAsync(Condition, TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken, TimeSpan.FromTicks(1), clock);

        // Then it says how long that took on that clock
        took.Should().Be(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task A_wait_whose_outcome_is_judged_returns_null_at_the_deadline_instead_of_throwing()
    {
        var clock = new SteppedClock();
        bool Never()
        {
            clock.Advance(TimeSpan.FromSeconds(10));
            return false;
        }

        var took = await ConditionWait.WithinAsync(Never, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken, TimeSpan.FromTicks(1), clock);

        took.Should().BeNull();
    }

    [Fact]
    public async Task A_cancelled_wait_stops_at_once()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () => ConditionWait.WithinAsync(() => false, TimeSpan.FromMinutes(1), cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }
}
