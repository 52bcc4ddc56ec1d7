using System.Text.RegularExpressions;
using FluentAssertions;
using KafkaResilience.Reporting.Allure;
using Xunit;

namespace KafkaResilience.Reporting.Tests;

public sealed class ReportCategoriesTests
{
    // Allure applies the first category whose statuses hold the result's status and whose regex matches the
    // WHOLE message (Java Matcher.matches); this reproduces that.
    private static string? CategoryOf(string status, string message) =>
        ReportCategories.Categories()
            .FirstOrDefault(c => c.MatchedStatuses.Contains(status)
                && (c.MessageRegex is null || Regex.IsMatch(message, "^(?:" + c.MessageRegex + ")$")))
            ?.Name;

    [Theory]
    [InlineData("failed", ReportCategories.LostMessagePrefix + " 12 acknowledged records were never consumed", "Messages lost")]
    [InlineData("failed", ReportCategories.DuplicatedMessagePrefix + " 3 records read twice with idempotence on", "Messages duplicated")]
    [InlineData("failed", ReportCategories.ReorderedMessagePrefix + " 2 records out of order in partition 1", "Messages reordered")]
    [InlineData("failed", ReportCategories.ThroughputBelowFloorPrefix + " 41,000 msg/s < floor 50,000 msg/s", "Throughput below floor")]
    [InlineData("failed", ReportCategories.LatencyAboveCeilingPrefix + " p99 812 ms > 500 ms", "Latency above ceiling")]
    [InlineData("failed", ReportCategories.ClusterNotRecoveredPrefix + " partition 2 has no leader after 30 s", "Cluster did not recover")]
    [InlineData("failed", ReportCategories.ConsumerStalledPrefix + " no progress for 31 s after 1,210,000 records", "Consumer stalled")]
    [InlineData("failed", "Expected no loss, but\nMessages Lost: 5\n   at Steps.Then()", "Messages lost")]
    [InlineData("broken", ReportCategories.UndefinedStepPrefix + " When the broker is frobnicated", "Undefined step")]
    [InlineData("skipped", ReportCategories.PendingStepPrefix + " Then the dashboard is green", "Pending step")]
    [InlineData("broken", ReportCategories.VerdictUnknownPrefix + " the checker crashed", "Checker could not decide")]
    [InlineData("broken", "System.TimeoutException: metadata did not arrive", "Suite defect (broken)")]
    public void Each_documented_message_lands_in_its_category(string status, string message, string expected)
    {
        CategoryOf(status, message).Should().Be(expected);
    }

    [Theory]
    [InlineData("lost: Invalid - 1000 acked, 3 lost; 0 unknown", "Messages lost")]
    [InlineData("duplicates: Invalid - 4 read twice", "Messages duplicated")]
    [InlineData("order: Invalid - 2 records read after a later sequence", "Messages reordered")]
    [InlineData("throughput-acked: Invalid - 3 seconds below the floor", "Throughput below floor")]
    [InlineData("end-to-end-latency: Invalid - p99 900 ms", "Latency above ceiling")]
    [InlineData("recovery: Invalid - not healthy after 30 s", "Cluster did not recover")]
    [InlineData("consumer-stall: Invalid - consumers stalled 1 time(s)", "Consumer stalled")]
    [InlineData("Verdicts:\nlost: Valid - 0 lost\nconsumer-stall: Invalid - stalled", "Consumer stalled")]
    public void Verdicts_printed_by_the_workload_checkers_land_in_their_category(string message, string expected)
    {
        CategoryOf("failed", message).Should().Be(expected);
    }

    [Fact]
    public void A_valid_verdict_or_an_unrelated_word_does_not_match_a_defect_category()
    {
        CategoryOf("failed", "lost: Valid - 0 lost").Should().BeNull();
        CategoryOf("failed", "the connection was closed").Should().BeNull();
    }

    [Fact]
    public void A_passed_result_is_never_categorised()
    {
        CategoryOf("passed", ReportCategories.LostMessagePrefix + " 1").Should().BeNull();
    }

    [Fact]
    public void Verdict_categories_hold_only_failed_results_and_every_regex_compiles()
    {
        foreach (var category in ReportCategories.Categories())
        {
            category.MatchedStatuses.Should().NotBeEmpty();
            if (category.MessageRegex is not null)
            {
                var compile = () => new Regex(category.MessageRegex);
                compile.Should().NotThrow(category.Name);
            }
        }

        ReportCategories.Categories().Take(7).Should().OnlyContain(c => c.MatchedStatuses.SequenceEqual(new[] { AllureStatus.Failed }));
    }

    [Fact]
    public void A_verdict_is_recognised_only_by_its_prefix_or_an_invalid_checker_line()
    {
        ReportCategories.IsCheckerVerdict("messages duplicated: 2").Should().BeTrue();
        ReportCategories.IsCheckerVerdict("duplicates: Invalid - 2").Should().BeTrue();
        ReportCategories.IsCheckerVerdict("duplicates: Unknown - nothing read").Should().BeFalse();
        ReportCategories.IsCheckerVerdict("NullReferenceException").Should().BeFalse();
        ReportCategories.IsCheckerVerdict(null).Should().BeFalse();
    }
}
