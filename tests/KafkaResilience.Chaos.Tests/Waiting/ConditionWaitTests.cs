using FluentAssertions;
using KafkaResilience.Chaos.Waiting;
using Xunit;

namespace KafkaResilience.Chaos.Tests.Waiting;

public sealed class ConditionWaitTests
{
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
}
