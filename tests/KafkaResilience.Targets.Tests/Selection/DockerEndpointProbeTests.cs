using System.Net.Sockets;
using FluentAssertions;
using KafkaResilience.Docker.Endpoint;

namespace KafkaResilience.Targets.Tests.Selection;

public sealed class DockerEndpointProbeTests
{
    // The acceptance asks for "returns within seconds of the check"; a hang is what this bound catches.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_socket_that_does_not_exist_is_reported_unavailable_without_waiting()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-docker-{Guid.NewGuid():N}.sock");
        var probe = new DockerEndpointProbe([new Uri("unix://" + path)], TimeSpan.FromSeconds(1));

        var result = await probe.ProbeAsync(TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);

        result.IsAvailable.Should().BeFalse();
        result.Detail.Should().Be($"tried unix://{path} (no such socket)");
    }

    [Fact]
    public async Task A_socket_that_accepts_nothing_is_given_up_after_the_probe_timeout()
    {
        // Given a Unix socket that listens but never answers HTTP
        var directory = Directory.CreateTempSubdirectory("probe-");
        var path = Path.Combine(directory.FullName, "docker.sock");
        try
        {
            using var silent = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            silent.Bind(new UnixDomainSocketEndPoint(path));
            silent.Listen(1);
            var probe = new DockerEndpointProbe([new Uri("unix://" + path)], TimeSpan.FromMilliseconds(300));

            // When it is probed
            var result = await probe.ProbeAsync(TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);

            // Then the probe gives up with the endpoint and the timeout named
            result.IsAvailable.Should().BeFalse();
            result.Detail.Should().Contain(path).And.Contain("300 ms");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_refused_tcp_endpoint_is_reported_with_its_address()
    {
        var probe = new DockerEndpointProbe([new Uri("tcp://127.0.0.1:1")], TimeSpan.FromSeconds(1));

        var result = await probe.ProbeAsync(TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);

        result.IsAvailable.Should().BeFalse();
        result.Detail.Should().StartWith("tried tcp://127.0.0.1:1/ (");
    }

    [Fact]
    public void Docker_host_wins_over_the_local_sockets()
    {
        var candidates = DockerEndpointProbe.DefaultCandidates(k => k == "DOCKER_HOST" ? "tcp://127.0.0.1:2375" : null);

        candidates.Should().Equal(new Uri("tcp://127.0.0.1:2375"));
    }

    [Fact]
    public void Without_docker_host_the_usual_local_sockets_are_tried()
    {
        var candidates = DockerEndpointProbe.DefaultCandidates(k => k switch
        {
            "HOME" => "/home/u",
            "XDG_RUNTIME_DIR" => "/run/user/1000",
            _ => null,
        });

        candidates.Select(c => c.ToString()).Should().Equal(
            "unix:///var/run/docker.sock", "unix:///home/u/.docker/run/docker.sock", "unix:///run/user/1000/docker.sock");
    }

    [Fact]
    public void A_probe_needs_an_endpoint_and_a_sane_timeout()
    {
        FluentActions.Invoking(() => new DockerEndpointProbe([], TimeSpan.FromSeconds(1))).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new DockerEndpointProbe([new Uri("unix:///x")], TimeSpan.Zero)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
