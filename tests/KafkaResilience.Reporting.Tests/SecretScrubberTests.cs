using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;
using KafkaResilience.Reporting.Secrets;

namespace KafkaResilience.Reporting.Tests;

public sealed class SecretScrubberTests
{
    [Fact]
    public void Every_occurrence_of_every_secret_is_masked_longest_first()
    {
        var scrubber = new SecretScrubber(["pass", "passphrase", ""]);

        scrubber.Scrub("passphrase=passphrase; pass=pass").Should().Be("***=***; ***=***");
        scrubber.Scrub(null).Should().BeNull();
    }

    [Fact]
    public void Json_string_values_are_masked_and_the_structure_kept()
    {
        var node = JsonNode.Parse("""{"name":"pw is hunter2","steps":[{"name":"hunter2"}],"n":3}""");

        new SecretScrubber(["hunter2", "name"]).ScrubJson(node);

        node!.ToJsonString().Should().Be("""{"name":"pw is ***","steps":[{"name":"***"}],"n":3}""");
    }
}
