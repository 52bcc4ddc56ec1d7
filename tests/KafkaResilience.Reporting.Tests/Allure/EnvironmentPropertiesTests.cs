using FluentAssertions;
using KafkaResilience.Reporting.Allure;
using Xunit;
using KafkaResilience.Reporting.Secrets;

namespace KafkaResilience.Reporting.Tests.Allure;

public sealed class EnvironmentPropertiesTests
{
    [Fact]
    public void Values_are_escaped_as_Java_properties_and_scrubbed()
    {
        var text = EnvironmentProperties.Render(
            [new("target", "docker: apache/kafka:3.9 × 3"), new("url", "sasl://u:pw123@h:9092"), new("multi line", "a\nb")],
            new SecretScrubber(["pw123"]));

        text.Should().Be("target=docker\\: apache/kafka\\:3.9 \\u00d7 3\nurl=sasl\\://u\\:***@h\\:9092\nmulti\\ line=a\\nb\n");
    }

    [Fact]
    public void Machine_facts_are_added_only_where_the_run_did_not_set_them()
    {
        var all = EnvironmentProperties.WithMachineFacts(new Dictionary<string, string> { ["machine.cores"] = "4 (seed host)" });

        all.Should().Contain(new KeyValuePair<string, string>("machine.cores", "4 (seed host)"));
        all.Select(p => p.Key).Should().Contain(["machine.memory", "os", "runtime"]).And.BeInAscendingOrder(StringComparer.Ordinal);
    }
}
