using FluentAssertions;
using KafkaResilience.Reporting.Secrets;
using KafkaResilience.Reqnroll.Results;
using KafkaResilience.Reporting.Summary;
using KafkaResilience.Reporting.Tables;
using Xunit;

namespace KafkaResilience.Reporting.Tests.Summary;

public sealed class MarkdownSummaryTests
{
    [Fact]
    public void One_table_per_feature_with_status_duration_and_why_plus_the_attached_tables()
    {
        var table = new SweepTable("Topics sweep", "topics", [new SweepColumn("producer TPS")], [new SweepRow("3", [new(90_000, 999_800)])]);
        var run = new RunInfo(Scenarios.T0);
        run.Set("target", "embedded librdkafka 2.16.0 mock cluster");
        var results = new[]
        {
            Scenarios.Passed(Scenarios.Info(title: "Throughput by topic count", feature: "Scripted perf", examples: [new("topics", "3")]),
                attachments: [.. ReportAttachments.Sweep(table)]),
            Scenarios.Failed(new Xunit.Sdk.XunitException("messages lost: 3 | of 100")),
            Scenarios.Skipped("requires-real-kafka"),
        };

        var md = MarkdownSummary.Render(run, results, new SecretScrubber([]));

        md.Should().StartWith("# KafkaResilience run summary\n\nStarted 2026-01-02 03:04:05Z. 3 scenario(s): 1 passed, 1 failed, 0 broken, 1 skipped, 0 not in this profile.\n");
        md.Should().Contain("- target: embedded librdkafka 2.16.0 mock cluster\n");
        md.Should().Contain("\n## Broker loss\n\n| Scenario | Status | Duration | Note |\n|---|---|---:|---|\n");
        md.Should().Contain("| Nothing is lost | failed | 2.0 s | messages lost: 3 \\| of 100 |\n");
        md.Should().Contain("| Unclean leader election loses data | skipped | 0.0 s | requires-real-kafka |\n");
        md.Should().Contain("\n## Scripted perf\n");
        md.Should().Contain("| Throughput by topic count [topics: 3] | passed | 3.0 s |  |\n");
        md.Should().Contain("### Throughput by topic count [topics: 3]: Topics sweep (table)\n\n#### Topics sweep\n");
        md.Should().Contain("| 3 | 90,000 | 999,800 |  |");
        md.Should().NotContain("(csv)", "a table attached as Markdown and CSV is shown once");
        md.IndexOf("## Broker loss", StringComparison.Ordinal).Should().BeLessThan(md.IndexOf("## Scripted perf", StringComparison.Ordinal));
    }

    [Fact]
    public void Rows_of_another_profile_are_counted_and_shown_apart_from_scenarios_the_target_cannot_model()
    {
        var run = new RunInfo(Scenarios.T0);
        run.Set("profile", "smoke");
        var results = new[]
        {
            Scenarios.Passed(),
            Scenarios.Skipped("the embedded target cannot model this scenario: @requires-replication: ...", Scenarios.Info(title: "ISR shrinks")),
            Scenarios.Skipped("not in this profile: profile 'full' only; running profile 'smoke' (set KAFKA_RESILIENCE_PROFILE=full)",
                Scenarios.Info(title: "The seed's 100M run")) with { NotInProfile = true },
        };

        var md = MarkdownSummary.Render(run, results, new SecretScrubber([]));

        md.Should().Contain("3 scenario(s): 1 passed, 0 failed, 0 broken, 1 skipped, 1 not in this profile (smoke).\n");
        md.Should().Contain("| ISR shrinks | skipped | 0.0 s | the embedded target cannot model this scenario");
        md.Should().Contain("| The seed's 100M run | not in this profile | 0.0 s | not in this profile: profile 'full' only");
    }

    [Fact]
    public void Each_judged_step_shows_its_bound_and_measured_value_passed_or_failed()
    {
        var stall = Scenarios.Step("And ", "Then", "the producer stalled for at most 10 seconds") with
        {
            Parameters = [new("expected", "at most 10 s"), new("measured", "stalled 2.5 s (partition 1 acked again after 2.470 s)")],
        };
        var lost = Scenarios.Step("Then ", "Then", "no acknowledged message is lost", StepOutcome.Failed, new InvalidOperationException("lost")) with
        {
            Parameters = [new("expected", "none lost"), new("measured", "100,000 acked, 99,998 read, 2 lost"), new("by cause", "2 lost: never reached by a consumer")],
        };
        var result = Scenarios.Failed(new InvalidOperationException("lost")) with { Steps = [Scenarios.Step("Given ", "Given", "a cluster"), stall, lost] };

        var md = MarkdownSummary.Render(new RunInfo(Scenarios.T0), [result], new SecretScrubber([]));

        md.Should().Contain("### Nothing is lost: measured beside each bound\n\n| Step | Status | expected | measured | by cause |\n|---|---|---|---|---|\n" +
                            "| Then the producer stalled for at most 10 seconds | passed | at most 10 s | stalled 2.5 s (partition 1 acked again after 2.470 s) |  |\n" +
                            "| Then no acknowledged message is lost | broken | none lost | 100,000 acked, 99,998 read, 2 lost | 2 lost: never reached by a consumer |\n");
        md.Should().NotContain("| Given a cluster |", "a step that reported nothing has no row");
    }

    [Fact]
    public void A_csv_attachment_alone_is_shown_as_a_markdown_table()
    {
        MarkdownSummary.CsvToMarkdown("a,b\r\n1,\"x, y\"\r\n").Should().Be("| a | b |\n|---|---|\n| 1 | x, y |\n");
    }

    [Fact]
    public void The_writer_puts_summary_md_into_the_results_folder()
    {
        using var dir = new TempDirectory();
        var writer = new MarkdownSummaryWriter(new ReportingOptions { ResultsDirectory = dir.Path });
        var run = new RunInfo(Scenarios.T0);

        writer.RunStarting(run);
        writer.ScenarioFinished(Scenarios.Passed());
        writer.RunFinished(run);

        File.ReadAllText(writer.SummaryPath).Should().Contain("| One broker dies during a send | passed | 3.0 s |");
        writer.SummaryPath.Should().Be(dir.Combine("summary.md"));
    }
}
