using FluentAssertions;
using KafkaResilience.Chaos.Targets;
using Xunit;

namespace KafkaResilience.Chaos.Tests.Targets;

public sealed class BrokerTargetParserTests
{
    [Theory]
    [InlineData("broker 106")]
    [InlineData("the leader of partition 2 of \"q_1\"")]
    [InlineData("the controller")]
    [InlineData("the coordinator of group \"f-readers\"")]
    public void Every_form_reads_back_as_it_was_written(string text)
    {
        BrokerTargetParser.Parse(text).Describe().Should().Be(text);
        System.Text.RegularExpressions.Regex.IsMatch(text, $"^(?:{BrokerTargetParser.Pattern})$").Should().BeTrue();
    }

    [Fact]
    public void A_leader_target_names_its_topic_and_partition()
    {
        BrokerTargetParser.Parse("the leader of partition 2 of \"q_1\"").Should().Be(new PartitionLeader("q_1", 2));
    }

    [Fact]
    public void Text_that_names_no_broker_says_which_forms_exist()
    {
        var act = () => BrokerTargetParser.Parse("the slowest broker");
        act.Should().Throw<FormatException>().WithMessage("*broker 106*the controller*");
    }
}
