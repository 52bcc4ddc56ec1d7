using FluentAssertions;
using KafkaResilience.Chaos.Scenario;
using KafkaResilience.Embedded;
using KafkaResilience.Chaos.Tests.Fakes;
using Xunit;

namespace KafkaResilience.Chaos.Tests.Scenario;

/// <summary>Before its cluster starts, a scenario is measured against the target's limits: skipped whole, or one step ahead.</summary>
public sealed class ScenarioClusterFitTests
{
    private static string[] Steps(string fault, string messages) =>
    [
        "a cluster of brokers 105, 106 and 108 that moves leadership off a lost broker after 2 seconds",
        "a topic \"q_1\" with 3 partitions and replication factor 3",
        "3 consumers in group \"q_1-readers\" are reading \"q_1\"",
        $"a producer sends {messages} messages of 100 bytes to \"q_1\" at 100000 messages per second",
        fault,
        "3 consumers in group \"q_1-late-readers\" read all acknowledged messages of \"q_1\" within 600 seconds",
        "no acknowledged message is lost",
    ];

    [Fact]
    public void A_row_the_target_cannot_judge_is_skipped_before_anything_starts()
    {
        // Given
        var output = new List<string>();
        var cluster = new ScenarioCluster(new LiteralScope(output.Add, steps: Steps("broker 106 is killed", "100000000")));

        // When
        var fit = () => cluster.Fit(EmbeddedCapabilities.Limits, "embedded");

        // Then
        fit.Should().Throw<LiteralSkipException>().Which.Reason.Should().StartWith("the embedded target cannot judge this row: \"broker 106 is killed\"");
        cluster.IsReady.Should().BeFalse();
    }

    [Fact]
    public void A_step_the_target_cannot_judge_is_marked_ahead_and_said()
    {
        // Given
        var output = new List<string>();
        var scope = new LiteralScope(output.Add, steps: Steps("broker 106 is stopped cleanly", "100000000"));

        // When
        new ScenarioCluster(scope).Fit(EmbeddedCapabilities.Limits, "embedded");

        // Then: only the late group's step, with its numbers
        scope.TestStepSkips.Should().ContainSingle().Which.Key.Should().Be(5);
        scope.TestStepSkips[5].Should().Contain("needs 100,000,000 x 100 B (10.0 GB) kept");
        output.Should().Contain(l => l.StartsWith("Step \"3 consumers in group \"q_1-late-readers\" read all acknowledged messages of \"q_1\" within 600 seconds\" will be skipped: not judged on the embedded target", StringComparison.Ordinal));
        output.Should().Contain(l => l.StartsWith("On the embedded target: the send of 100,000,000 messages at 100,000 msg/s is read while sent", StringComparison.Ordinal));
    }
}
