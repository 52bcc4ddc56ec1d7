using FluentAssertions;
using KafkaResilience.Docker.Definition;
using KafkaResilience.Targets.Selection;

namespace KafkaResilience.Targets.Tests.Selection;

public sealed class TargetSelectorTests
{
    private static Func<string, string?> Env(params (string Key, string Value)[] values) =>
        key => values.FirstOrDefault(v => v.Key == key).Value;

    [Fact]
    public async Task Auto_is_the_default_and_picks_docker_when_an_endpoint_answers()
    {
        var selector = new TargetSelector(Env(), FakeDockerProbe.Answering());

        var selection = await selector.SelectAsync(TestContext.Current.CancellationToken);

        selection.Requested.Should().Be("auto");
        selection.Kind.Should().Be(TargetKind.Docker);
        selection.IsAvailable.Should().BeTrue();
        selection.DockerProbe!.Engine!.Endpoint.Should().Be(new Uri("unix:///var/run/docker.sock"));
        selection.ToString().Should().Be("Kafka target: docker (KAFKA_RESILIENCE_TARGET=auto; Apache Kafka KRaft; Docker answered at unix:///var/run/docker.sock (engine 27.0.0, API 1.46))");
    }

    [Fact]
    public async Task Auto_falls_back_to_embedded_and_says_why_when_no_endpoint_answers()
    {
        var selector = new TargetSelector(Env(), FakeDockerProbe.Silent());

        var selection = await selector.SelectAsync(TestContext.Current.CancellationToken);

        selection.Kind.Should().Be(TargetKind.Embedded);
        selection.IsAvailable.Should().BeTrue();
        selection.Reason.Should().Contain("no Docker endpoint answered").And.Contain("embedded");
    }

    [Fact]
    public async Task Auto_falls_back_to_embedded_on_an_engine_too_old_for_testcontainers_and_says_which_engine()
    {
        var selector = new TargetSelector(Env(), FakeDockerProbe.TooOld());

        var selection = await selector.SelectAsync(TestContext.Current.CancellationToken);

        selection.Kind.Should().Be(TargetKind.Embedded);
        selection.IsAvailable.Should().BeTrue();
        selection.ToString().Should().Be(
            "Kafka target: embedded (KAFKA_RESILIENCE_TARGET=auto; Docker Engine 20.10.24+dfsg1 (API 1.41) at unix:///var/run/docker.sock " +
            "is older than Testcontainers needs (API 1.44, Engine 25+), so the embedded mock cluster is used)");
    }

    [Fact]
    public async Task Docker_on_an_engine_it_cannot_use_fails_with_the_measured_facts_instead_of_skipping()
    {
        var selector = new TargetSelector(Env(("KAFKA_RESILIENCE_TARGET", "docker")), FakeDockerProbe.TooOld());

        var selection = await selector.SelectAsync(TestContext.Current.CancellationToken);

        selection.Kind.Should().Be(TargetKind.Docker);
        selection.IsAvailable.Should().BeFalse();
        selection.UnavailableReason.Should().BeNull("an engine answered: this is not a machine without Docker");
        selection.FailureReason.Should().Be("the docker target cannot run on this engine: Docker Engine 20.10.24+dfsg1 (API 1.41) at unix:///var/run/docker.sock is older than Testcontainers needs (API 1.44, Engine 25+)");
        selection.ToString().Should().StartWith("Kafka target: docker cannot run here (KAFKA_RESILIENCE_TARGET=docker): ");
    }

    [Theory]
    [InlineData(null, new[] { "apache/kafka:4.1.0", "ghcr.io/shopify/toxiproxy:2.12.0" })]
    [InlineData("zookeeper", new[] { "confluentinc/cp-kafka:5.2.1", "zookeeper:3.6.3", "ghcr.io/shopify/toxiproxy:2.12.0" })]
    [InlineData(" KRaft ", new[] { "apache/kafka:4.1.0", "ghcr.io/shopify/toxiproxy:2.12.0" })]
    public async Task The_probe_is_asked_about_the_images_of_the_chosen_stack(string? stack, string[] images)
    {
        var probe = FakeDockerProbe.Answering();
        var selector = new TargetSelector(key => key == "KAFKA_RESILIENCE_KAFKA_STACK" ? stack : null, probe);

        var selection = await selector.SelectAsync(TestContext.Current.CancellationToken);

        probe.Images.Should().Equal(images);
        selection.Stack.Should().Be(stack == "zookeeper" ? KafkaStack.ZooKeeper : KafkaStack.Kraft);
    }

    [Fact]
    public async Task An_unknown_stack_names_the_variable_and_the_allowed_values()
    {
        var selector = new TargetSelector(Env(("KAFKA_RESILIENCE_TARGET", "embedded"), ("KAFKA_RESILIENCE_KAFKA_STACK", "zk")), FakeDockerProbe.Answering());

        var act = () => selector.SelectAsync(TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<TargetConfigurationException>())
            .WithMessage("KAFKA_RESILIENCE_KAFKA_STACK='zk' is not a Kafka stack; allowed values: kraft, zookeeper (default kraft).");
    }

    [Fact]
    public async Task Docker_without_an_engine_is_unavailable_with_one_reason()
    {
        var selector = new TargetSelector(Env(("KAFKA_RESILIENCE_TARGET", "docker")), FakeDockerProbe.Silent());

        var selection = await selector.SelectAsync(TestContext.Current.CancellationToken);

        selection.Kind.Should().Be(TargetKind.Docker);
        selection.IsAvailable.Should().BeFalse();
        selection.UnavailableReason.Should().Be("the docker target needs a Docker engine, and no Docker endpoint answered: tried unix:///var/run/docker.sock (no such socket)");
    }

    [Theory]
    [InlineData("embedded", TargetKind.Embedded)]
    [InlineData("EXTERNAL", TargetKind.External)]
    [InlineData(" Embedded ", TargetKind.Embedded)]
    public async Task Explicit_targets_are_taken_without_probing_docker(string value, TargetKind expected)
    {
        var probe = FakeDockerProbe.Answering();
        var selector = new TargetSelector(Env(("KAFKA_RESILIENCE_TARGET", value)), probe);

        var selection = await selector.SelectAsync(TestContext.Current.CancellationToken);

        selection.Kind.Should().Be(expected);
        selection.IsAvailable.Should().BeTrue();
        probe.Calls.Should().Be(0);
    }

    [Fact]
    public async Task An_unknown_target_names_the_variable_and_the_allowed_values()
    {
        var selector = new TargetSelector(Env(("KAFKA_RESILIENCE_TARGET", "kubernetes")), FakeDockerProbe.Answering());

        var act = () => selector.SelectAsync(TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<TargetConfigurationException>())
            .WithMessage("KAFKA_RESILIENCE_TARGET='kubernetes' is not a target; allowed values: auto, embedded, docker, external (default auto).");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("fast")]
    [InlineData("30001")]
    public void A_bad_probe_timeout_names_its_variable(string value)
    {
        var act = () => TargetSelector.ProbeTimeout(Env(("KAFKA_RESILIENCE_DOCKER_PROBE_TIMEOUT_MS", value)));

        act.Should().Throw<TargetConfigurationException>().WithMessage("KAFKA_RESILIENCE_DOCKER_PROBE_TIMEOUT_MS=*");
    }

    [Fact]
    public void The_probe_timeout_defaults_to_one_second_and_can_be_set()
    {
        TargetSelector.ProbeTimeout(Env()).Should().Be(TimeSpan.FromSeconds(1));
        TargetSelector.ProbeTimeout(Env(("KAFKA_RESILIENCE_DOCKER_PROBE_TIMEOUT_MS", "250"))).Should().Be(TimeSpan.FromMilliseconds(250));
    }
}
