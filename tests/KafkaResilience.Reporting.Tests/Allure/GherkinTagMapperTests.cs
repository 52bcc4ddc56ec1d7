using FluentAssertions;
using KafkaResilience.Reporting.Allure;
using Xunit;

namespace KafkaResilience.Reporting.Tests.Allure;

public sealed class GherkinTagMapperTests
{
    [Fact]
    public void Tags_become_labels_and_links_as_Allure_Reqnroll_reads_them()
    {
        var mapping = GherkinTagMapper.Map(
        [
            "smoke", "@critical", "allure.label.layer:chaos", "allure.owner:kafka-team", "allure.epic:Resilience",
            "allure.issue:https://example.org/issues/7", "allure.tms:TC-14", "allure.link:https://kafka.apache.org/documentation",
        ]);

        mapping.Labels.Should().BeEquivalentTo(new AllureLabel[]
        {
            new("tag", "smoke"), new("severity", "critical"), new("layer", "chaos"), new("owner", "kafka-team"), new("epic", "Resilience"),
        }, o => o.WithStrictOrdering());
        mapping.Links.Should().BeEquivalentTo(new AllureLink[]
        {
            new("https://example.org/issues/7", "https://example.org/issues/7", "issue"),
            new("TC-14", "TC-14", "tms"),
            new("https://kafka.apache.org/documentation", "https://kafka.apache.org/documentation", "link"),
        }, o => o.WithStrictOrdering());
    }

    [Theory]
    [InlineData("blocker")]
    [InlineData("critical")]
    [InlineData("normal")]
    [InlineData("minor")]
    [InlineData("Trivial")]
    public void Every_severity_word_is_a_severity_not_a_tag(string word)
    {
        GherkinTagMapper.Map([word]).Labels.Should().Equal(new AllureLabel("severity", word.ToLowerInvariant()));
    }
}
