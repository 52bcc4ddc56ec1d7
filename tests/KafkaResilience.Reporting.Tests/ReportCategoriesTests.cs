using System.Text.RegularExpressions;
using FluentAssertions;
using KafkaResilience.Reporting.Allure;
using Xunit;
using KafkaResilience.Workloads.Checkers;

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

    public static TheoryData<VerdictCategory> EveryCategory() => [.. Enum.GetValues<VerdictCategory>()];

    [Theory]
    [MemberData(nameof(EveryCategory))]
    public void A_verdict_failure_lands_in_the_category_it_carries(VerdictCategory category)
    {
        // Given a scenario failed by a verdict of this category, its message saying nothing of the category
        var result = Scenarios.Failed(Scenarios.Thrown(() => new VerdictFailure(category, "12 of 100,000 acknowledged records were never read")));

        // When the report files it
        var (status, details) = AllureStatusResolver.ForScenario(result);

        // Then it is a product defect in that category
        status.Should().Be(AllureStatus.Failed);
        CategoryOf(status, details!.Message!).Should().Be(ReportCategories.Of(category).Title);
    }

    [Theory]
    [MemberData(nameof(EveryCategory))]
    public void A_wrapped_verdict_failure_lands_in_its_category_too(VerdictCategory category)
    {
        var result = Scenarios.Failed(new AggregateException(new VerdictFailure(category, "the consumers resumed after 31 s")));

        var (status, details) = AllureStatusResolver.ForScenario(result);

        status.Should().Be(AllureStatus.Failed);
        details!.Message.Should().StartWith(ReportCategories.PrefixOf(category) + " the consumers resumed after 31 s");
        CategoryOf(status, details.Message!).Should().Be(ReportCategories.Of(category).Title);
    }

    [Fact]
    public void A_message_that_merely_names_a_category_is_not_filed_under_it()
    {
        // Before: any exception whose message held "messages lost:" was counted a product defect.
        var result = Scenarios.Failed(new InvalidOperationException("retry failed; messages lost: 3 (as the log says)"));

        var (status, details) = AllureStatusResolver.ForScenario(result);

        status.Should().Be(AllureStatus.Broken);
        CategoryOf(status, details!.Message!).Should().Be("Suite defect (broken)");
    }

    [Fact]
    public void Every_category_has_its_own_title_and_a_prefix_that_no_other_starts_with()
    {
        var infos = Enum.GetValues<VerdictCategory>().Select(ReportCategories.Of).ToList();

        infos.Select(i => i.Title).Should().OnlyHaveUniqueItems();
        foreach (var info in infos)
        {
            infos.Where(o => o != info).Should().NotContain(o => o.Prefix.StartsWith(info.Prefix, StringComparison.OrdinalIgnoreCase), info.Prefix);
        }
    }

    [Theory]
    [InlineData("broken", ReportCategories.UndefinedStepPrefix + " When the broker is frobnicated", "Undefined step")]
    [InlineData("broken", ReportCategories.AmbiguousStepPrefix + " When a producer sends", "Ambiguous step")]
    [InlineData("skipped", ReportCategories.PendingStepPrefix + " Then the dashboard is green", "Pending step")]
    [InlineData("broken", "System.TimeoutException: metadata did not arrive", "Suite defect (broken)")]
    public void The_runner_outcomes_land_in_their_categories(string status, string message, string expected)
    {
        CategoryOf(status, message).Should().Be(expected);
    }

    // Allure files a result under EVERY category that matches it; the skipped ones must not overlap.
    private static IReadOnlyList<string> AllCategoriesOf(string status, string message) =>
        [.. ReportCategories.Categories()
            .Where(c => c.MatchedStatuses.Contains(status) && (c.MessageRegex is null || Regex.IsMatch(message, "^(?:" + c.MessageRegex + ")$")))
            .Select(c => c.Name)];

    [Theory]
    [InlineData("not in this profile: profile 'full' only; running profile 'smoke' (set KAFKA_RESILIENCE_PROFILE=full)", ReportCategories.NotInProfileTitle)]
    [InlineData("the embedded target cannot model this scenario: @requires-replication: the embedded mock cluster keeps one copy", ReportCategories.SkippedHereTitle)]
    [InlineData("ignored by the @ignore tag", ReportCategories.SkippedHereTitle)]
    [InlineData("Not in this profile? this message merely starts alike", ReportCategories.SkippedHereTitle)]
    [InlineData(ReportCategories.PendingStepPrefix + " Then the dashboard is green", "Pending step")]
    public void A_skipped_scenario_lands_in_exactly_one_category_rows_of_another_profile_apart(string message, string expected)
    {
        AllCategoriesOf(AllureStatus.Skipped, message).Should().Equal(expected);
    }

    [Fact]
    public void A_passed_result_is_never_categorised()
    {
        CategoryOf("passed", ReportCategories.PrefixOf(VerdictCategory.MessagesLost) + " 1").Should().BeNull();
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

        ReportCategories.Categories().Take(Enum.GetValues<VerdictCategory>().Length)
            .Should().OnlyContain(c => c.MatchedStatuses.SequenceEqual(new[] { AllureStatus.Failed }));
    }

    [Fact]
    public void A_category_the_report_does_not_know_is_refused()
    {
        var unknown = () => ReportCategories.Of((VerdictCategory)999);

        unknown.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*999*");
    }
}
