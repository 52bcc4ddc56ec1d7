using FluentAssertions;
using KafkaResilience.Docker.Containers;

namespace KafkaResilience.Docker.Tests.Containers;

public sealed class PublishAddressTests
{
    [Theory]
    [InlineData("unix:///var/run/docker.sock", null, false, "127.0.0.1")]
    [InlineData("npipe://./pipe/docker_engine", null, false, "127.0.0.1")]
    [InlineData("tcp://127.0.0.1:2375", null, false, "127.0.0.1")]
    [InlineData("tcp://localhost:2376", null, false, "127.0.0.1")]
    [InlineData("unix:///var/run/docker.sock", "127.0.0.1", true, "127.0.0.1")]
    [InlineData("tcp://10.0.0.7:2375", null, false, null)]
    [InlineData("unix:///var/run/docker.sock", null, true, null)]
    [InlineData("unix:///var/run/docker.sock", "docker-host.ci", false, null)]
    public void Ports_go_on_loopback_unless_the_host_testcontainers_reports_is_elsewhere(string endpoint, string? hostOverride, bool insideDocker, string? expected)
    {
        var address = PublishAddress.For(new Uri(endpoint), hostOverride, insideDocker);

        address.HostIp.Should().Be(expected);
        address.Reason.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void An_unsupported_endpoint_is_refused_with_the_schemes_allowed()
    {
        var act = () => PublishAddress.For(new Uri("ssh://docker@host"), null, false);

        act.Should().Throw<ArgumentException>().WithMessage("*unix://, npipe://, tcp:// or http(s)://*");
    }
}
