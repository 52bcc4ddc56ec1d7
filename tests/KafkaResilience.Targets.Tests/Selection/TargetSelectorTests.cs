using FluentAssertions;
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
        selection.DockerProbe!.Endpoint.Should().Be(new Uri("unix:///var/run/docker.sock"));
        selection.ToString().Should().Be("Kafka target: docker (KAFKA_RESILIENCE_TARGET=auto; Docker answered at unix:///var/run/docker.sock (engine 27.0.0, API 1.46))");
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
