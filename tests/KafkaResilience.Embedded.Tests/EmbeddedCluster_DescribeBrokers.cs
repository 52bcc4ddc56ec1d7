using FluentAssertions;
using KafkaResilience.Cluster;
using KafkaResilience.Cluster.Waiting;
using Xunit;

namespace KafkaResilience.Embedded.Tests;

/// <summary>What a report's cluster snapshot reads: each broker by what was done to it, and the ISR the emulation knows, said to be its view.</summary>
public sealed class EmbeddedCluster_DescribeBrokers
{
    [Fact]
    public async Task Each_broker_reads_as_up_down_paused_or_cut_off_and_fenced_once_the_emulation_fenced_it()
    {
        // Given
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions
        {
            DetectionDelay = TimeSpan.FromMilliseconds(300),
            Topics = [new TopicSpec("q_1", 3, 3)],
        }, ct);
        (await cluster.DescribeBrokersAsync(ct)).Should().Equal(
            new BrokerStatus(105, BrokerState.Up), new BrokerStatus(106, BrokerState.Up), new BrokerStatus(108, BrokerState.Up));

        // When: 106 is killed, 105 paused, 108 cut off from its clients
        await cluster.KillAsync(106, ct);
        var killed = (await cluster.DescribeBrokersAsync(ct))[1];
        await cluster.PauseAsync(105, ct);
        await cluster.IsolateAsync(108, ct);
        await ConditionWait.UntilAsync(async t => (await cluster.DescribeBrokersAsync(t)).All(b => b.Note?.Contains("fenced", StringComparison.Ordinal) == true),
            TimeSpan.FromSeconds(10), () => "the emulation did not fence all three brokers within 10 s", ct, TimeSpan.FromMilliseconds(20));
        var lost = await cluster.DescribeBrokersAsync(ct);

        // Then
        killed.Should().Be(new BrokerStatus(106, BrokerState.Down, "killed"), "the emulation has not fenced it yet");
        lost.Should().Equal(
            new BrokerStatus(105, BrokerState.Paused, "fenced by the controller emulation"),
            new BrokerStatus(106, BrokerState.Down, "killed, fenced by the controller emulation"),
            new BrokerStatus(108, BrokerState.CutOff, "from its clients, fenced by the controller emulation"));
        (await cluster.DescribeTopicAsync("q_1", ct)).Partitions.Should().OnlyContain(p => p.InSyncReplicas.Count == 0, "the emulation's ISR holds only brokers it has not fenced");
        cluster.InSyncReplicasNote.Should().Contain("controller emulation's view").And.Contain("not a measured one");

        // When / Then: every broker back
        await cluster.StartAsync(106, ct);
        await cluster.ResumeAsync(105, ct);
        await cluster.HealAsync(108, ct);
        (await cluster.DescribeBrokersAsync(ct)).Should().OnlyContain(b => b.State == BrokerState.Up && b.Note == null);
    }
}
