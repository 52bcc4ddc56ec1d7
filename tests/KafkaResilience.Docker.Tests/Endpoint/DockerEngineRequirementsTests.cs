using DotNet.Testcontainers.Configurations;
using FluentAssertions;
using KafkaResilience.Docker.Endpoint;

namespace KafkaResilience.Docker.Tests.Endpoint;

public sealed class DockerEngineRequirementsTests
{
    private static readonly Uri Socket = new("unix:///var/run/docker.sock");

    private static DockerEngineFacts Engine(string version, string api, string min, string required = "1.44", bool found = true) =>
        new(Socket, version, Version.Parse(api), Version.Parse(min), Version.Parse(required))
        {
            TestcontainersEndpoint = found ? new DockerEndpointAuthenticationConfiguration(Socket) : null,
        };

    [Fact]
    public void Debians_engine_is_older_than_testcontainers_4_16_needs()
    {
        DockerEngineRequirements.ApiProblem(Engine("20.10.24+dfsg1", "1.41", "1.12", found: false))
            .Should().Be("Docker Engine 20.10.24+dfsg1 (API 1.41) at unix:///var/run/docker.sock is older than Testcontainers needs (API 1.44, Engine 25+)");
    }

    [Theory]
    [InlineData("25.0.5", "1.44", "1.24")]
    [InlineData("27.3.1", "1.47", "1.24")]
    [InlineData("20.10.24", "1.41", "1.12", "1.41")]
    public void An_engine_whose_api_range_holds_the_version_testcontainers_asks_for_is_accepted(string version, string api, string min, string required = "1.44")
    {
        DockerEngineRequirements.Problem(Engine(version, api, min, required)).Should().BeNull();
    }

    [Fact]
    public void An_engine_that_dropped_the_version_asked_for_says_so()
    {
        DockerEngineRequirements.ApiProblem(Engine("29.0.0", "1.52", "1.44", required: "1.41"))
            .Should().Contain("no longer accepts API 1.41").And.Contain("its oldest is API 1.44");
    }

    [Fact]
    public void An_api_version_of_unknown_age_is_named_without_an_engine_release()
    {
        DockerEngineRequirements.ApiProblem(Engine("99.0", "1.60", "1.24", required: "1.61"))
            .Should().EndWith("is older than Testcontainers needs (API 1.61)");
    }

    [Fact]
    public void The_engine_is_checked_before_discovery_and_discovery_before_images()
    {
        var old = Engine("20.10.24", "1.41", "1.12", found: false) with { Images = [DockerImageFact.Missing("apache/kafka:4.1.0", "no registry")] };
        var unfound = Engine("27.3.1", "1.47", "1.24", found: false) with { Images = [DockerImageFact.Missing("apache/kafka:4.1.0", "no registry")] };
        var imageless = Engine("27.3.1", "1.47", "1.24") with { Images = [DockerImageFact.Local("x:1"), DockerImageFact.Missing("apache/kafka:4.1.0", "no registry")] };

        DockerEngineRequirements.Problem(old).Should().Contain("is older than");
        DockerEngineRequirements.Problem(unfound).Should().Contain("Testcontainers' endpoint discovery");
        DockerEngineRequirements.Problem(imageless).Should().StartWith("image apache/kafka:4.1.0 is not on").And.Contain("(no registry)").And.Contain("docker load -i image.tar");
    }

    [Fact]
    public void Pullable_images_are_no_problem()
    {
        var facts = Engine("27.3.1", "1.47", "1.24") with { Images = [DockerImageFact.Pullable("apache/kafka:4.1.0")] };

        DockerEngineRequirements.Problem(facts).Should().BeNull();
    }
}
