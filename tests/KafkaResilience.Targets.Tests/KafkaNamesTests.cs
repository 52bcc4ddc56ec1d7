using FluentAssertions;
using KafkaResilience.Cluster;
using KafkaResilience.Docker.Definition;
using KafkaResilience.Embedded;
using KafkaResilience.Targets.Selection;

namespace KafkaResilience.Targets.Tests;

public sealed class KafkaNamesTests
{
    [Fact]
    public void The_seed_brokers_are_one_cluster_Kafka_takes()
    {
        KafkaNames.BrokerIdsProblem([105, 106, 108]).Should().BeNull();
        KafkaNames.BrokerIdsProblem([0]).Should().BeNull();
    }

    [Theory]
    [InlineData(new int[0], "must name at least one broker (got none)")]
    [InlineData(new[] { -1, 2, 3 }, "must be whole numbers >= 0, as Kafka's broker ids (node.id, broker.id) are: broker -1 cannot exist (got -1, 2, 3)")]
    [InlineData(new[] { 105, 105, 108 }, "must be distinct: broker 105 is named more than once (got 105, 105, 108)")]
    [InlineData(new[] { 105, 106, 105, 106 }, "must be distinct: brokers 105, 106 are named more than once (got 105, 106, 105, 106)")]
    public void Broker_ids_Kafka_would_refuse_are_answered_with_the_rule_and_the_ids_given(int[] brokerIds, string answer) =>
        KafkaNames.BrokerIdsProblem(brokerIds).Should().Be(answer);

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { -1, 2, 3 })]
    [InlineData(new[] { 105, 105, 108 })]
    public void Every_target_s_builder_refuses_them_with_that_one_rule(int[] brokerIds)
    {
        // Given
        var rule = $"BrokerIds {KafkaNames.BrokerIdsProblem(brokerIds)}.";

        // When
        var embedded = () => new EmbeddedClusterOptions { BrokerIds = brokerIds }.Validate();
        var docker = () => new KafkaClusterBuilder().WithBrokerIds(brokerIds).Validate();
        var dockerRequest = () => KafkaTargetFactory.DockerConfiguration(new TargetSelection("docker", TargetKind.Docker, "test", null, null), new ClusterRequest { BrokerIds = brokerIds });

        // Then
        embedded.Should().Throw<ArgumentException>().Which.Message.Should().StartWith(rule);
        docker.Should().Throw<ArgumentException>().Which.Message.Should().StartWith(rule);
        dockerRequest.Should().Throw<ArgumentException>().Which.Message.Should().StartWith(rule);
    }
}
