using FluentAssertions;
using KafkaResilience.Chaos.Fit;
using KafkaResilience.Chaos.Fit.Planned;
using KafkaResilience.Chaos.Scenario;
using KafkaResilience.Chaos.Targets;
using KafkaResilience.Chaos.Vocabulary;
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

    /// <summary>What the steps above plan (the fault only when it keeps readers away, as a kill does and a clean stop does not).</summary>
    private static Dictionary<int, IPlannedStep> Plan(long messages, bool kill)
    {
        var plan = new Dictionary<int, IPlannedStep>
        {
            [0] = new ClusterDetecting([105, 106, 108], TimeSpan.FromSeconds(2)),
            [1] = new TopicCreated("q_1", 3, 3),
            [2] = new GroupReading(3, "q_1-readers", "q_1"),
            [3] = new SendPlanned(new ProducerSetup(1, 1), new MessageBatch(messages, 100), "q_1", new SendPace(100_000)),
            [5] = new LateGroupRead(3, "q_1-late-readers", "q_1", 600),
        };
        if (kill) plan[4] = new BrokerLost(new SpecificBroker(106));
        return plan;
    }

    [Fact]
    public async Task A_row_the_target_cannot_judge_is_skipped_before_anything_starts()
    {
        // Given
        var output = new List<string>();
        var cluster = new ScenarioCluster(new LiteralScope(output.Add, steps: Steps("broker 106 is killed", "100000000")) { Plan = Plan(100_000_000, kill: true) }, new ScenarioHistory(), LiteralTargets.Embedded());

        // When
        var fit = () => cluster.FitAsync(EmbeddedCapabilities.Limits, "embedded");

        // Then
        (await fit.Should().ThrowAsync<LiteralSkipException>()).Which.Reason.Should().StartWith("the embedded target cannot judge this row: \"broker 106 is killed\"");
        cluster.IsReady.Should().BeFalse();
    }

    [Fact]
    public async Task A_step_the_target_cannot_judge_is_marked_ahead_and_said()
    {
        // Given
        var output = new List<string>();
        var scope = new LiteralScope(output.Add, steps: Steps("broker 106 is stopped cleanly", "100000000")) { Plan = Plan(100_000_000, kill: false) };
        var history = new ScenarioHistory();

        // When
        await new ScenarioCluster(scope, history, LiteralTargets.Embedded()).FitAsync(EmbeddedCapabilities.Limits, "embedded");

        // Then: only the late group's step, with its numbers
        scope.TestStepSkips.Should().ContainSingle().Which.Key.Should().Be(5);
        scope.TestStepSkips[5].Should().Contain("needs 100,000,000 x 100 B (10.0 GB) kept");
        // ...and what it would have read is on the history as missing evidence, with the step and why
        history.Snapshot().WithheldReads.Should().ContainSingle().Which.Should().Match<KafkaResilience.Workloads.History.WithheldRead>(w =>
            w.Group == "q_1-late-readers" && w.TopicReference == "q_1" && w.Step.StartsWith("3 consumers in group", StringComparison.Ordinal)
            && w.Reason.StartsWith("was skipped before the scenario ran: not judged on the embedded target", StringComparison.Ordinal));
        output.Should().Contain(l => l.StartsWith("Step \"3 consumers in group \"q_1-late-readers\" read all acknowledged messages of \"q_1\" within 600 seconds\" will be skipped: not judged on the embedded target", StringComparison.Ordinal));
        output.Should().Contain(l => l.StartsWith("On the embedded target: the send of 100,000,000 messages at 100,000 msg/s is read while sent", StringComparison.Ordinal));
    }
}
