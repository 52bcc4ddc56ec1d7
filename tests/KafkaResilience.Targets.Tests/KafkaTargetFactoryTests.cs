using System.Diagnostics;
using FluentAssertions;
using KafkaResilience.Cluster;
using KafkaResilience.Docker.Definition;
using KafkaResilience.Docker.Endpoint;
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
        // Given Testcontainers' discovery finding nothing (it reads the real process environment, so it is stubbed here)
        var missing = Path.Combine(Path.GetTempPath(), $"no-docker-{Guid.NewGuid():N}.sock");
        var env = Env(("KAFKA_RESILIENCE_TARGET", "docker"), ("DOCKER_HOST", "unix://" + missing));
        var factory = new KafkaTargetFactory(env, new DockerEndpointProbe(DockerEndpointProbe.DefaultCandidates(env), TimeSpan.FromSeconds(1), () => null, () => false));
        var watch = Stopwatch.StartNew();

        var result = await factory.SelectAndStartAsync(new ClusterRequest(), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        result.Status.Should().Be(ClusterStartStatus.Unavailable);
        result.SkipReason.Should().Contain(missing);
        TestContext.Current.SendDiagnosticMessage($"unavailable after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Docker_on_an_engine_too_old_fails_at_once_with_the_engines_facts_and_starts_nothing()
    {
        var factory = new KafkaTargetFactory(
            Env(("KAFKA_RESILIENCE_TARGET", "docker")),
            FakeDockerProbe.TooOld(),
            new Dictionary<TargetKind, KafkaTargetFactory.ClusterStarter> { [TargetKind.Docker] = Throwing("docker") });

        var result = await factory.SelectAndStartAsync(new ClusterRequest(), TestContext.Current.CancellationToken);

        result.Status.Should().Be(ClusterStartStatus.Failed);
        result.SkipReason.Should().BeNull();
        result.Reason.Should().Be("the docker target cannot run on this engine: Docker Engine 20.10.24+dfsg1 (API 1.41) at unix:///var/run/docker.sock is older than Testcontainers needs (API 1.44, Engine 25+)");
    }

    [Fact]
    public void The_docker_cluster_gets_the_scenarios_brokers_the_chosen_stack_and_the_detection_delay_as_session_settings()
    {
        // Given "a cluster of brokers 1, 2 and 3 that moves leadership off a lost broker after 2 seconds" on the ZooKeeper stack
        var selection = new TargetSelection("docker", TargetKind.Docker, "test", null, null) { Stack = KafkaStack.ZooKeeper };
        var request = new ClusterRequest { BrokerIds = [1, 2, 3], DetectionDelay = TimeSpan.FromSeconds(2) };

        var definition = new KafkaClusterBuilder(KafkaTargetFactory.DockerConfiguration(selection, request)).Build();

        definition.Stack.Should().Be(KafkaStack.ZooKeeper);
        definition.BrokerIds.Should().Equal(1, 2, 3);
        definition.Nodes.Should().OnlyContain(n => n.Environment["KAFKA_ZOOKEEPER_SESSION_TIMEOUT_MS"] == "2000");
        new KafkaClusterBuilder(KafkaTargetFactory.DockerConfiguration(selection with { Stack = KafkaStack.Kraft }, request)).Build()
            .Nodes.Should().OnlyContain(n => n.Environment["KAFKA_BROKER_SESSION_TIMEOUT_MS"] == "2000" && n.Environment["KAFKA_BROKER_HEARTBEAT_INTERVAL_MS"] == "500");
    }

    [Fact]
    public void A_detection_delay_real_kafka_cannot_honour_is_refused_before_anything_starts()
    {
        var selection = new TargetSelection("docker", TargetKind.Docker, "test", null, null);

        var act = () => KafkaTargetFactory.DockerConfiguration(selection, new ClusterRequest { DetectionDelay = TimeSpan.FromMilliseconds(100) });

        act.Should().Throw<ArgumentException>().WithMessage("DetectionDelay must be between 1 s and 5 min*");
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
