using KafkaResilience.Reqnroll.Results;
using KafkaResilience.Reqnroll.Running;
using Xunit;

namespace KafkaResilience.Features;

/// <summary>
/// Input a user writes wrong gets one clear answer with the file and line, through the real steps on Reqnroll, before any
/// cluster starts: a name Kafka would refuse (on every target, with Kafka's rule), a settings table without its header, an
/// Examples row that leaves a value empty.
/// </summary>
public sealed class BadInputAnswers : IDisposable
{
    private readonly StepsHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData("And a topic \"my topic\" with 3 partitions and replication factor 3",
        "case.feature:4 \"a topic \"my topic\" with 3 partitions and replication factor 3\": the topic name \"my topic\" is refused by Kafka: it holds 'a space'; a topic name takes only ASCII letters, digits, '.', '_' and '-'")]
    [InlineData("And a topic \"..\" with 3 partitions and replication factor 3", "the topic name \"..\" is refused by Kafka: a topic cannot be named \".\" or \"..\"")]
    [InlineData("And 1 consumer in group \"\" is reading \"t\"", "a consumer group id must not be empty (Kafka refuses an empty group id)")]
    [InlineData("When broker 107 is killed", "case.feature:4 \"broker 107 is killed\": broker 107 is not a broker of this cluster (its brokers: 105, 106, 108)")]
    [InlineData("Then every partition of \"t\" that broker 106 led has a new leader among brokers 105, 105",
        "case.feature:4 \"every partition of \"t\" that broker 106 led has a new leader among brokers 105, 105\": the brokers the leadership may move to must be distinct: broker 105 is named more than once (got 105, 105)")]
    [InlineData("Then every partition of \"t\" that broker 106 led has a new leader among brokers 105 and 107", "led has a new leader among brokers 105 and 107\": broker 107 is not a broker of this cluster (its brokers: 105, 106, 108)")]
    [InlineData("Then every partition of \"t\" that broker 107 led has a new leader among brokers 105 and 108", "led has a new leader among brokers 105 and 108\": broker 107 is not a broker of this cluster (its brokers: 105, 106, 108)")]
    public async Task A_name_kafka_would_refuse_is_refused_before_the_cluster_starts_with_kafka_s_rule(string step, string answer)
    {
        // Given
        var feature = $"Feature: names\n  Scenario: a name Kafka refuses\n    Given a cluster of brokers 105, 106 and 108\n    {step}\n";

        // When
        var result = Assert.Single(await _harness.RunAsync(feature));

        // Then: the cluster step fails, naming the step, its line and Kafka's rule; nothing else ran
        Assert.Equal(ScenarioOutcome.Failed, result.Outcome);
        var message = ScenarioFailureMessage.For(result);
        Assert.StartsWith("Step \"Given a cluster of brokers 105, 106 and 108\" (case.feature:3) failed:", message, StringComparison.Ordinal);
        Assert.Contains("Kafka would refuse what this scenario asks for, so it does not start on any target:", message, StringComparison.Ordinal);
        Assert.Contains(answer, message, StringComparison.Ordinal);
        Assert.DoesNotContain("Cluster: ", string.Join("\n", result.Steps.Select(s => s.Message)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("| acks | all |", "the settings table has no header row: its first row | acks | all | is read as the header, so no setting would be applied; start the table with | setting | value |")]
    [InlineData("| setting | value | note |\n      | acks | all | why not |", "the settings table has the column \"note\", which it does not take; its columns are | setting | value |")]
    [InlineData("| setting |\n      | acks |", "the settings table lacks the column \"value\"; its columns are | setting | value |")]
    public async Task A_settings_table_that_is_not_setting_value_is_refused_with_what_it_lacks(string table, string answer)
    {
        var feature = $"Feature: settings\n  Scenario: a table without its header\n    Given the producer uses these settings:\n      {table}\n";

        var result = Assert.Single(await _harness.RunAsync(feature));

        Assert.Equal(ScenarioOutcome.Failed, result.Outcome);
        var message = ScenarioFailureMessage.For(result);
        Assert.StartsWith("Step \"Given the producer uses these settings:\" (case.feature:3) failed:", message, StringComparison.Ordinal);
        Assert.Contains(answer, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_examples_cell_is_named_with_its_row_column_and_line_never_as_an_undefined_step()
    {
        var feature = """
            Feature: outline
              Scenario Outline: o
                When a producer sends <n> messages of 100 bytes to "t" at 100 messages per second

                Examples:
                  | n |
                  |   |
            """;

        var result = Assert.Single(await _harness.RunAsync(feature));

        Assert.Equal(ScenarioOutcome.Failed, result.Outcome);
        var message = ScenarioFailureMessage.For(result);
        Assert.Equal("Examples row 1 of \"o\" (case.feature:7) leaves <n> empty; every value the outline uses needs a cell, or the step reads with a gap no step definition means.", message);
    }
}
