using DotNet.Testcontainers.Configurations;
using FluentAssertions;
using KafkaResilience.Cluster;

namespace KafkaResilience.Docker.Tests;

public sealed class DockerClusterOptionsTests
{
    [Fact]
    public void The_defaults_are_valid() => FluentActions.Invoking(() => new DockerClusterOptions().Validate()).Should().NotThrow();

    public static TheoryData<string, DockerClusterOptions> Invalid => new()
    {
        { nameof(DockerClusterOptions.StartupTimeout), new DockerClusterOptions { StartupTimeout = TimeSpan.FromSeconds(1) } },
        { nameof(DockerClusterOptions.AdminRequestTimeout), new DockerClusterOptions { AdminRequestTimeout = TimeSpan.Zero } },
        { nameof(DockerClusterOptions.CleanStopGrace), new DockerClusterOptions { CleanStopGrace = TimeSpan.FromHours(1) } },
        { nameof(DockerClusterOptions.LeadershipPollInterval), new DockerClusterOptions { LeadershipPollInterval = TimeSpan.FromMilliseconds(1) } },
        { nameof(DockerClusterOptions.DockerEndpoint), new DockerClusterOptions { DockerEndpoint = new DockerEndpointAuthenticationConfiguration(new Uri("ftp://docker")) } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_option_is_named(string setting, DockerClusterOptions options)
    {
        FluentActions.Invoking(options.Validate).Should().Throw<ArgumentException>().Which.ParamName.Should().Be(setting);
    }

    [Fact]
    public void The_docker_target_models_every_fault_and_says_why_unclean_loss_is_not_shown()
    {
        var capabilities = DockerCapabilities.Create();

        foreach (var capability in Enum.GetValues<Capability>().Where(c => c != Capability.UncleanElectionLoss))
            capabilities.Has(capability).Should().BeTrue(capability.ToString());
        capabilities.WhyNot(Capability.UncleanElectionLoss).Should().Contain("unclean.leader.election.enable=false");
    }
}
