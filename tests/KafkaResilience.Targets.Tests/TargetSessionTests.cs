using FluentAssertions;
using KafkaResilience.Cluster;
using KafkaResilience.Targets.External;
using KafkaResilience.Targets.Selection;
using KafkaResilience.Targets.Tests.Selection;
using Xunit;

namespace KafkaResilience.Targets.Tests;

/// <summary>The run's one target: selected and probed once whoever asks, and an external cluster that did not answer answered once for the run.</summary>
public sealed class TargetSessionTests
{
    [Fact]
    public async Task The_target_is_selected_and_probed_once_per_run_whoever_asks()
    {
        // Given: auto with an engine that answers; the run's start and three scenarios ask
        var probe = FakeDockerProbe.Answering();
        var session = new TargetSession(new KafkaTargetFactory(_ => null, probe));

        // When
        var selections = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => session.SelectAsync(TestContext.Current.CancellationToken)));

        // Then
        probe.Calls.Should().Be(1);
        session.Selections.Should().Be(1);
        selections.Should().OnlyContain(s => ReferenceEquals(s, selections[0]));
    }

    [Fact]
    public async Task An_unreachable_external_cluster_is_asked_once_and_every_later_scenario_fails_at_once_with_the_same_answer()
    {
        // Given: the external target, whose cluster never answers
        var connects = 0;
        var factory = new KafkaTargetFactory(
            name => name switch { "KAFKA_RESILIENCE_TARGET" => "external", "KAFKA_RESILIENCE_BOOTSTRAP" => "127.0.0.1:1", _ => null },
            FakeDockerProbe.Silent(),
            new Dictionary<TargetKind, KafkaTargetFactory.ClusterStarter>
            {
                [TargetKind.External] = (_, _, _) =>
                {
                    connects++;
                    throw new ExternalClusterUnreachableException("The external Kafka cluster at 127.0.0.1:1 did not answer a metadata request within 5000 ms: connection refused");
                },
            });
        var session = new TargetSession(factory);
        var request = new ClusterRequest { BrokerIds = [105, 106, 108] };

        // When: three scenarios start their cluster
        var results = new List<ClusterStartResult>();
        for (var i = 0; i < 3; i++) results.Add(await session.StartAsync(request, TestContext.Current.CancellationToken));

        // Then: one connection attempt; every scenario fails with its answer, the later ones saying it is not asked again
        connects.Should().Be(1);
        results.Should().OnlyContain(r => r.Status == ClusterStartStatus.Failed && r.Reason!.Contains("did not answer a metadata request within 5000 ms"));
        results[1].Reason.Should().EndWith("(answered once for the whole run: not asked again)");
    }
}
