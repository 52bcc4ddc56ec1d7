using System.Net.Sockets;
using DotNet.Testcontainers.Configurations;
using FluentAssertions;
using KafkaResilience.Docker.Definition;
using KafkaResilience.Docker.Endpoint;

namespace KafkaResilience.Docker.Tests.Endpoint;

public sealed class DockerEndpointProbeTests
{
    // The acceptance asks for "returns within seconds of the check"; a hang is what this bound catches.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static readonly string[] KraftImages = [DockerImages.Kafka, DockerImages.Toxiproxy];

    // The API version Testcontainers 4.16 asks an engine for (1.44, or DOCKER_API_VERSION).
    private static readonly Version Required = new DockerEndpointAuthenticationConfiguration(new Uri("unix:///x")).Version;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static DockerEndpointProbe Probe(IReadOnlyList<Uri> candidates, IDockerEndpointAuthenticationConfiguration? testcontainersFinds, TimeSpan? timeout = null, bool reaper = false) =>
        new(candidates, timeout ?? TimeSpan.FromSeconds(2), () => testcontainersFinds, () => reaper);

    private static IDockerEndpointAuthenticationConfiguration Resolved(FakeDockerEngine engine) => new DockerEndpointAuthenticationConfiguration(engine.Endpoint);

    [Fact]
    public async Task A_socket_that_does_not_exist_is_reported_unavailable_without_waiting()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-docker-{Guid.NewGuid():N}.sock");

        var result = await Probe([new Uri("unix://" + path)], null).ProbeAsync(KraftImages, Token).WaitAsync(Bound, Token);

        result.Outcome.Should().Be(DockerProbeOutcome.NoEngine);
        result.Detail.Should().Be($"Testcontainers found none (no endpoint it knows answered its API version); tried unix://{path} (no such socket)");
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

            // When it is probed
            var result = await Probe([new Uri("unix://" + path)], null, TimeSpan.FromMilliseconds(300)).ProbeAsync(KraftImages, Token).WaitAsync(Bound, Token);

            // Then the probe gives up with the endpoint and the timeout named
            result.Outcome.Should().Be(DockerProbeOutcome.NoEngine);
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
        var result = await Probe([new Uri("tcp://127.0.0.1:1")], null).ProbeAsync(KraftImages, Token).WaitAsync(Bound, Token);

        result.Outcome.Should().Be(DockerProbeOutcome.NoEngine);
        result.Detail.Should().Contain("tried tcp://127.0.0.1:1/ (");
    }

    [Fact]
    public async Task An_engine_older_than_testcontainers_needs_is_unusable_with_its_measured_version_and_no_image_is_looked_up()
    {
        // Given Debian 12's engine, which Testcontainers' discovery (asking for API 1.44) therefore did not find
        using var engine = new FakeDockerEngine("20.10.24+dfsg1", "1.41", "1.12", images: KraftImages);

        var result = await Probe([engine.Endpoint], null).ProbeAsync(KraftImages, Token).WaitAsync(Bound, Token);

        result.Outcome.Should().Be(DockerProbeOutcome.Unusable);
        result.Engine!.EngineVersion.Should().Be("20.10.24+dfsg1");
        result.Engine.ApiVersion.Should().Be(new Version(1, 41));
        result.Detail.Should().Be($"Docker Engine 20.10.24+dfsg1 (API 1.41) at {engine.Endpoint} is older than Testcontainers needs (API {Required}, Engine 25+)");
        engine.Paths.Should().Equal(["/_ping", "/version"], "an engine's facts are read unversioned, and an engine too old is not asked for images");
    }

    [Fact]
    public async Task A_usable_engine_is_the_one_testcontainers_resolved_with_its_authentication_and_the_usual_sockets_are_not_asked()
    {
        // Given Testcontainers resolved an endpoint (its discovery: TLS, contexts, properties...), and the usual socket is absent
        using var engine = new FakeDockerEngine("27.3.1", "1.47", "1.24", images: KraftImages);
        var resolved = Resolved(engine);
        var missing = new Uri("unix://" + Path.Combine(Path.GetTempPath(), $"no-docker-{Guid.NewGuid():N}.sock"));

        var result = await Probe([missing], resolved).ProbeAsync(KraftImages, Token).WaitAsync(Bound, Token);

        // Then the docker target gets exactly Testcontainers' configuration (endpoint and auth provider)
        result.Outcome.Should().Be(DockerProbeOutcome.Usable);
        result.Endpoint.Should().BeSameAs(resolved);
        result.ToString().Should().StartWith($"Docker answered at {engine.Endpoint} (engine 27.3.1, API 1.47, Testcontainers asks for {Required}; every image present;");
        engine.Paths.Should().Contain(["/images/apache/kafka:4.1.0/json", "/images/ghcr.io/shopify/toxiproxy:2.12.0/json"]);
    }

    [Fact]
    public async Task A_missing_image_the_registry_cannot_serve_is_named_with_how_to_load_it()
    {
        using var engine = new FakeDockerEngine("27.3.1", "1.47", "1.24", images: [DockerImages.Toxiproxy]);

        var result = await Probe([engine.Endpoint], Resolved(engine)).ProbeAsync(KraftImages, Token).WaitAsync(Bound, Token);

        result.Outcome.Should().Be(DockerProbeOutcome.Unusable);
        result.Detail.Should().StartWith($"image apache/kafka:4.1.0 is not on Docker Engine 27.3.1 (API 1.47) at {engine.Endpoint} and cannot be pulled (")
            .And.Contain("no such host")
            .And.EndWith("'docker pull apache/kafka:4.1.0 && docker save apache/kafka:4.1.0 -o image.tar' on a machine that can pull, then 'docker load -i image.tar' here");
    }

    [Fact]
    public async Task A_missing_image_the_registry_serves_is_left_for_testcontainers_to_pull()
    {
        using var engine = new FakeDockerEngine("27.3.1", "1.47", "1.24", images: [DockerImages.Toxiproxy], registry: [DockerImages.Kafka]);

        var result = await Probe([engine.Endpoint], Resolved(engine)).ProbeAsync(KraftImages, Token).WaitAsync(Bound, Token);

        result.Outcome.Should().Be(DockerProbeOutcome.Usable);
        result.Detail.Should().Contain("to pull: apache/kafka:4.1.0");
        engine.Paths.Should().Contain("/distribution/apache/kafka:4.1.0/json").And.NotContain(p => p.Contains("/images/create", StringComparison.Ordinal), "the check never pulls");
    }

    [Fact]
    public async Task The_resource_reaper_image_is_needed_too_while_testcontainers_starts_one()
    {
        using var engine = new FakeDockerEngine("27.3.1", "1.47", "1.24", images: KraftImages);

        var result = await Probe([engine.Endpoint], Resolved(engine), reaper: true).ProbeAsync(KraftImages, Token).WaitAsync(Bound, Token);

        result.Outcome.Should().Be(DockerProbeOutcome.Unusable);
        result.Detail.Should().StartWith("image testcontainers/ryuk:0.14.0@sha256:");
    }

    [Fact]
    public async Task An_engine_new_enough_that_testcontainers_did_not_find_is_unusable_saying_where_to_look()
    {
        using var engine = new FakeDockerEngine("27.3.1", "1.47", "1.24", images: KraftImages);

        var result = await Probe([engine.Endpoint], null).ProbeAsync(KraftImages, Token).WaitAsync(Bound, Token);

        result.Outcome.Should().Be(DockerProbeOutcome.Unusable);
        result.Detail.Should().Contain("Testcontainers' endpoint discovery did not find it usable").And.Contain("~/.testcontainers.properties");
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
