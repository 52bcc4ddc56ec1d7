using FluentAssertions;
using KafkaResilience.Chaos.Fit;
using Xunit;

namespace KafkaResilience.Features;

/// <summary>What a transactional send and a reader of either isolation level need of the target, read from their bound values.</summary>
public sealed class TransactionStepPlanTests(BoundSteps steps) : IClassFixture<BoundSteps>
{
    [Theory]
    [InlineData("3 read_committed consumers in group \"audit\" are reading \"tx\"")]
    [InlineData("a read_uncommitted consumer in group \"raw\" is reading \"tx\"")]
    public async Task A_transactional_send_after_a_group_of_either_isolation_level_started_reading_is_read_while_sent(string reading)
    {
        var needs = await steps.NeedsAsync(
        [
            "a topic \"tx\" with 3 partitions and replication factor 3",
            reading,
            "a transactional producer sends 1000000 messages of 100 bytes to \"tx\" at 30000 messages per second",
        ]);

        needs.Sends.Should().ContainSingle().Which.Should().Be(new NeededSend(2, "tx", 1_000_000, 100, 30000, ReadWhileSent: true));
    }

    [Fact]
    public async Task A_transactional_send_nobody_reads_yet_is_not_read_while_sent()
    {
        var needs = await steps.NeedsAsync(
        [
            "a topic \"tx\" with 3 partitions and replication factor 3",
            "a transactional producer sends 1000 messages of 100 bytes to \"tx\" as fast as it can",
        ]);

        needs.Sends.Should().ContainSingle().Which.ReadWhileSent.Should().BeFalse();
    }
}
