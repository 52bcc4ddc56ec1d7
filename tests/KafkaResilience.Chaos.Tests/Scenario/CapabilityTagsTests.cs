using FluentAssertions;
using KafkaResilience.Chaos.Scenario;
using KafkaResilience.Chaos.Tests.Fakes;
using KafkaResilience.Cluster;
using Xunit;

namespace KafkaResilience.Chaos.Tests.Scenario;

public sealed class CapabilityTagsTests
{
    [Fact]
    public void A_requires_tag_names_its_capability_in_kebab_case()
    {
        CapabilityTags.Required(["failure", "requires-acks-semantics", "@requires-hard-kill"])
            .Should().Equal(Capability.AcksSemantics, Capability.HardKill);
    }

    [Fact]
    public void A_target_without_the_capability_gives_its_reason()
    {
        var cluster = new FakeKafkaCluster(new ClusterCapabilities(new Dictionary<Capability, string> { [Capability.IdempotentDedup] = "no dedup here" }));

        CapabilityTags.WhyNot(cluster, ["requires-idempotent-dedup"]).Should().Contain("no dedup here");
        CapabilityTags.WhyNot(cluster, ["requires-hard-kill"]).Should().BeNull();
    }

    [Fact]
    public void A_misspelt_requires_tag_fails_listing_the_valid_ones()
    {
        var act = () => CapabilityTags.Required(["requires-acks"]);
        act.Should().Throw<ArgumentException>().WithMessage("*@requires-acks-semantics*");
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("12", 12L)]
    [InlineData("reported", null)]
    public void An_expected_count_is_a_number_or_reported(string text, long? exactly)
    {
        CountExpectation.Parse(text).Exactly.Should().Be(exactly);
    }
}
