using FluentAssertions;
using KafkaResilience.Chaos.Fit;
using KafkaResilience.Cluster;
using KafkaResilience.Embedded;
using KafkaResilience.Reqnroll.Catalog;
using KafkaResilience.Reporting;
using KafkaResilience.Steps;
using Xunit;

namespace KafkaResilience.Features;

/// <summary>
/// The decision on the suite's own rows (features/), as the runner expands them: which run on each target. A change to
/// a feature's sizes that moves a row across the embedded target's limits shows here first.
/// </summary>
public sealed class FeatureRowsFitTests(BoundSteps steps) : IClassFixture<BoundSteps>
{
    private static IReadOnlyList<ScenarioCase> Rows(string profile)
    {
        var root = RepositoryRoot.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("No KafkaResilience.sln above the test's folder.");
        return [.. FeatureCatalog.Load(Path.Combine(root, "features"), new RunProfile(profile)).Where(c => c.Error is null && c.SkipReason is null)];
    }

    private async Task<FitDecision> Decide(ScenarioCase row, CapabilityLimits limits, string target)
    {
        var plan = await new StepPlanner(steps.Matcher).PlanAsync(row, System.Globalization.CultureInfo.GetCultureInfo("en-US"));
        return ScenarioFit.Decide(ScenarioNeedsBuilder.Of(plan, [.. row.Steps.Select(s => s.Text)]), limits, target);
    }

    [Fact]
    public async Task Every_smoke_row_runs_whole_on_the_embedded_target()
    {
        var rows = Rows(RunProfile.Smoke);

        rows.Should().NotBeEmpty();
        foreach (var row in rows)
        {
            var decision = await Decide(row, EmbeddedCapabilities.Limits, "embedded");
            decision.SkipReason.Should().BeNull(row.Info.DisplayName);
            decision.StepReasons.Should().BeEmpty(row.Info.DisplayName);
        }
    }

    [Fact]
    public async Task Every_full_row_runs_whole_on_a_target_without_limits()
    {
        foreach (var row in Rows(RunProfile.Full))
        {
            var decision = await Decide(row, CapabilityLimits.None, "docker");
            decision.SkipReason.Should().BeNull(row.Info.DisplayName);
            decision.StepReasons.Should().BeEmpty(row.Info.DisplayName);
        }
    }

    [Fact]
    public async Task On_the_embedded_target_the_full_profile_runs_only_the_rows_it_can_judge()
    {
        // When
        var rows = new List<(ScenarioCase Row, FitDecision Decision)>();
        foreach (var row in Rows(RunProfile.Full)) rows.Add((row, await Decide(row, EmbeddedCapabilities.Limits, "embedded")));

        // Then: these run (their sends fit the window, or no fault keeps readers away longer than it holds)...
        var running = rows.Where(r => r.Decision.SkipReason is null).Select(r => r.Row.Info.ScenarioTitle).ToList();
        running.Should().BeEquivalentTo(
            "the leader of partition 0 of \"f\" is stopped cleanly, and no acknowledged message is lost",
            "the leader of partition 0 of \"f\" is bounced hard, and no acknowledged message is lost",
            "the leader of partition 0 of \"f\" is bounced cleanly, and no acknowledged message is lost",
            "every broker is restarted in turn, and no acknowledged message is lost",
            "A pause shorter than the failure detection delay moves no leader",
            "A pause longer than the failure detection delay moves the leader away",
            "100 ms of latency on the leader shows in the producer's p99 and nothing is lost",
            // writes past the retention on purpose: its step plants the loss, so no fit rule holds it back
            "A group that comes late finds the oldest messages dropped by the target's retention",
            // 3,000,000 messages on 96 partitions: 31,250 a partition, within the 37,500 the mock keeps
            "96 partitions read by as many consumer threads",
            // 30,000 msg/s on 3 partitions: the window holds 3.75 s, more than the kill's 2 s and 1 s of lag
            "A read_uncommitted group reads every committed message once and in order, and the aborted ones too, while broker 106 is killed",
            // these fit too, and are then skipped there for what the mock lacks (their @requires- tags)
            "A read_committed group reads no aborted message and every committed transaction whole, while broker 106 is killed",
            "The processor is killed after 300,000 records and restarted",
            "A second producer takes the transactional.id over after 30% of the old one's messages are committed");
        rows.Where(r => r.Decision.SkipReason is null).Should().OnlyContain(r => r.Decision.StepReasons.Count == 0);
        // ...and every other full row is skipped with its numbers
        var headline = rows.Single(r => r.Row.Info.ScenarioTitle == "Broker 106 is killed after 1% of 100000000 messages are acknowledged").Decision;
        headline.SkipReason.Should().Contain("\"broker 106 is killed\" keeps the readers from a partition for 2 s").And.Contain("needs 100,000,000 x 100 B (10.0 GB) kept");
        rows.Where(r => r.Decision.SkipReason is not null).Should().OnlyContain(r => r.Decision.SkipReason!.Contains(" msg/s") || r.Decision.SkipReason!.Contains(" MB"));
    }
}
