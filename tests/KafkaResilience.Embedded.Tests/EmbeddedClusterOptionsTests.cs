using FluentAssertions;
using KafkaResilience.Cluster;
using Xunit;

namespace KafkaResilience.Embedded.Tests;

public sealed class EmbeddedClusterOptionsTests
{
    [Fact]
    public void Defaults_are_the_seed_brokers_and_a_three_second_detection_delay()
    {
        var options = new EmbeddedClusterOptions();

        options.BrokerIds.Should().Equal(105, 106, 108);
        options.DetectionDelay.Should().Be(TimeSpan.FromSeconds(3));
        options.Invoking(o => o.Validate()).Should().NotThrow();
    }

    [Theory]
    [InlineData("BrokerIds", "distinct")]
    [InlineData("DetectionDelay", "between 0 and 5 minutes")]
    [InlineData("Topics", "Replication factor")]
    public void A_bad_setting_is_named_with_what_it_allows(string setting, string allowed)
    {
        var options = setting switch
        {
            "BrokerIds" => new EmbeddedClusterOptions { BrokerIds = [105, 105] },
            "DetectionDelay" => new EmbeddedClusterOptions { DetectionDelay = TimeSpan.FromMinutes(6) },
            _ => new EmbeddedClusterOptions { Topics = [new TopicSpec("q_1", 3, 4)] },
        };

        var error = options.Invoking(o => o.Validate()).Should().Throw<ArgumentException>().Which;
        error.Message.Should().Contain(allowed);
        if (setting != "Topics") error.ParamName.Should().Be(setting);
    }
}
