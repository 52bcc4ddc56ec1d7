using FluentAssertions;
using KafkaResilience.Chaos.Scenario;
using KafkaResilience.Chaos.Tests.Fakes;
using KafkaResilience.Cluster;
using KafkaResilience.Targets;
using Xunit;

namespace KafkaResilience.Chaos.Tests.Scenario;

/// <summary>Broker ids Kafka would refuse are refused before any target is asked, with the cluster's one rule.</summary>
public sealed class ScenarioClusterRefusalTests
{
    [Theory]
    [InlineData(new[] { 105, 105, 108 })]
    [InlineData(new[] { -1, 106, 108 })]
    [InlineData(new int[0])]
    public async Task Broker_ids_Kafka_would_refuse_stop_the_scenario_before_any_target_is_asked(int[] brokerIds)
    {
        // Given
        var output = new List<string>();
        var cluster = new ScenarioCluster(new LiteralScope(output.Add, steps: ["a cluster of brokers 105, 105 and 108"]), new ScenarioHistory(), LiteralTargets.Embedded());

        // When
        var start = () => cluster.StartAsync(new ClusterRequest { BrokerIds = brokerIds });

        // Then
        var refused = (await start.Should().ThrowAsync<ArgumentException>()).Which;
        refused.Message.Should().StartWith("Kafka would refuse what this scenario asks for, so it does not start on any target:")
            .And.Contain("- the cluster's broker ids " + KafkaNames.BrokerIdsProblem(brokerIds));
        output.Should().BeEmpty("no target was selected, so none was named");
        cluster.IsReady.Should().BeFalse();
    }

    [Fact]
    public async Task A_repeated_broker_is_named_with_the_rule()
    {
        var cluster = new ScenarioCluster(new LiteralScope(_ => { }), new ScenarioHistory(), LiteralTargets.Embedded());

        var start = () => cluster.StartAsync(new ClusterRequest { BrokerIds = [105, 105, 108] });

        (await start.Should().ThrowAsync<ArgumentException>()).Which.Message.Should()
            .Contain("- the cluster's broker ids must be distinct: broker 105 is named more than once (got 105, 105, 108)");
    }
}
