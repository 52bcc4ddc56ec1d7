using System.Diagnostics;
using FluentAssertions;
using KafkaResilience.Cluster;
using KafkaResilience.Targets.Selection;
using KafkaResilience.Targets.Tests.Selection;

namespace KafkaResilience.Targets.Tests;

public sealed class KafkaTargetFactoryTests
{
    private static Func<string, string?> Env(params (string Key, string Value)[] values) =>
        key => values.FirstOrDefault(v => v.Key == key).Value;

    private static KafkaTargetFactory.ClusterStarter Throwing(string what) =>
        (_, _, _) => throw new InvalidOperationException($"{what} must not be started");

    [Fact]
    public async Task Docker_without_an_engine_returns_unavailable_with_the_reason_and_starts_nothing()
    {
        // Given KAFKA_RESILIENCE_TARGET=docker and no Docker endpoint
        var factory = new KafkaTargetFactory(
            Env(("KAFKA_RESILIENCE_TARGET", "docker")),
            FakeDockerProbe.Silent(),
            new Dictionary<TargetKind, KafkaTargetFactory.ClusterStarter> { [TargetKind.Docker] = Throwing("docker") });

        // When the run asks for its cluster
        var result = await factory.SelectAndStartAsync(new ClusterRequest(), TestContext.Current.CancellationToken);

        // Then every Kafka scenario gets the same skip reason
        result.Status.Should().Be(ClusterStartStatus.Unavailable);
        result.Cluster.Should().BeNull();
        result.SkipReason.Should().Be("the docker target needs a Docker engine, and no Docker endpoint answered: tried unix:///var/run/docker.sock (no such socket)");
        result.ToString().Should().StartWith("Kafka target: docker is unavailable (KAFKA_RESILIENCE_TARGET=docker)");
    }

    [Fact]
    public async Task Docker_with_the_real_probe_and_no_engine_is_unavailable_within_seconds()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-docker-{Guid.NewGuid():N}.sock");
        var factory = KafkaTargetFactory.FromEnvironment(Env(("KAFKA_RESILIENCE_TARGET", "docker"), ("DOCKER_HOST", "unix://" + missing)));
        var watch = Stopwatch.StartNew();

        var result = await factory.SelectAndStartAsync(new ClusterRequest(), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        result.Status.Should().Be(ClusterStartStatus.Unavailable);
        result.SkipReason.Should().Contain(missing);
        TestContext.Current.SendDiagnosticMessage($"unavailable after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task The_chosen_starter_gets_the_request_and_its_cluster_is_returned()
    {
        var cluster = new StubCluster();
        ClusterRequest? seen = null;
        var factory = new KafkaTargetFactory(
            Env(("KAFKA_RESILIENCE_TARGET", "embedded")),
            FakeDockerProbe.Silent(),
            new Dictionary<TargetKind, KafkaTargetFactory.ClusterStarter>
            {
                [TargetKind.Embedded] = (_, request, _) => { seen = request; return Task.FromResult<IKafkaCluster>(cluster); },
                [TargetKind.Docker] = Throwing("docker"),
            });
        var request = new ClusterRequest { BrokerIds = [1, 2, 3] };

        var result = await factory.SelectAndStartAsync(request, TestContext.Current.CancellationToken);

        result.Status.Should().Be(ClusterStartStatus.Started);
        result.Cluster.Should().BeSameAs(cluster);
        result.SkipReason.Should().BeNull();
        seen.Should().BeSameAs(request);
    }

    [Fact]
    public async Task A_starter_that_throws_becomes_a_failed_result_with_the_message()
    {
        var factory = new KafkaTargetFactory(
            Env(("KAFKA_RESILIENCE_TARGET", "docker")),
            FakeDockerProbe.Answering(),
            new Dictionary<TargetKind, KafkaTargetFactory.ClusterStarter>
            {
                [TargetKind.Docker] = (_, _, _) => throw new TimeoutException("Brokers 106 did not appear within 180 s"),
            });

        var result = await factory.SelectAndStartAsync(new ClusterRequest(), TestContext.Current.CancellationToken);

        result.Status.Should().Be(ClusterStartStatus.Failed);
        result.Reason.Should().Be("TimeoutException: Brokers 106 did not appear within 180 s");
        result.SkipReason.Should().BeNull("a target that should run but did not fails its scenarios");
    }

    [Fact]
    public async Task External_with_invalid_settings_stops_the_run_with_the_variable_named()
    {
        var factory = new KafkaTargetFactory(
            Env(("KAFKA_RESILIENCE_TARGET", "external")),
            FakeDockerProbe.Silent(),
            new Dictionary<TargetKind, KafkaTargetFactory.ClusterStarter> { [TargetKind.External] = Throwing("external") });

        var act = () => factory.SelectAndStartAsync(new ClusterRequest(), TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<TargetConfigurationException>()).Which.Message.Should().Contain("KAFKA_RESILIENCE_BOOTSTRAP");
    }

    [Fact]
    public async Task An_unreachable_external_cluster_fails_fast_naming_the_address_tried()
    {
        // Given a bootstrap address where nothing listens (loopback port 1) and a 1 s connect bound
        var factory = KafkaTargetFactory.FromEnvironment(Env(
            ("KAFKA_RESILIENCE_TARGET", "external"),
            ("KAFKA_RESILIENCE_BOOTSTRAP", "127.0.0.1:1"),
            ("KAFKA_RESILIENCE_CONNECT_TIMEOUT_MS", "1000")));

        // When the run connects
        var result = await factory.SelectAndStartAsync(new ClusterRequest(), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        // Then it fails with the address and the bound in the reason
        result.Status.Should().Be(ClusterStartStatus.Failed);
        result.Reason.Should().Contain("127.0.0.1:1").And.Contain("1000 ms");
    }
}
