using FluentAssertions;
using KafkaResilience.Cluster;
using KafkaResilience.Targets.External;

namespace KafkaResilience.Targets.Tests.External;

public sealed class ExternalCapabilitiesTests
{
    [Fact]
    public void Without_toxiproxy_no_destructive_fault_is_offered_and_the_reason_names_the_variable()
    {
        var capabilities = ExternalCapabilities.Create(hasToxiproxy: false);

        capabilities.Has(Capability.DestructiveFaults).Should().BeFalse();
        capabilities.WhyNot(Capability.DestructiveFaults).Should().Contain("KAFKA_RESILIENCE_TOXIPROXY");
        capabilities.Has(Capability.NetworkToxics).Should().BeFalse();
        capabilities.Has(Capability.IsolateFromClients).Should().BeFalse();
        capabilities.Has(Capability.HardKill).Should().BeFalse();
        capabilities.Has(Capability.Replication).Should().BeTrue();
    }

    [Fact]
    public void With_toxiproxy_client_side_faults_are_offered_but_process_faults_are_not()
    {
        var capabilities = ExternalCapabilities.Create(hasToxiproxy: true);

        capabilities.Has(Capability.DestructiveFaults).Should().BeTrue();
        capabilities.Has(Capability.NetworkToxics).Should().BeTrue();
        capabilities.Has(Capability.IsolateFromClients).Should().BeTrue();
        capabilities.WhyNot(Capability.HardKill).Should().Be(ExternalCapabilities.NoProcessAccess);
        capabilities.Has(Capability.ControllerFailover).Should().BeFalse();
    }
}
