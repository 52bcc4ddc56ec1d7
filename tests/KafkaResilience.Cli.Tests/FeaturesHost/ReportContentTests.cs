using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using KafkaResilience.Cli.Tests.Support;

namespace KafkaResilience.Cli.Tests.FeaturesHost;

/// <summary>
/// The report a product owner reads, from the suite run as the README runs it: the feature "What the report shows a
/// product owner" on the embedded target, its Allure results read back. Every judged step carries its bound and
/// measured value, the cluster snapshots agree with the leader changes of the fault timeline, the planted retention
/// loss is put down to retention, and the full-profile row is marked "not in this profile", apart from the rest.
/// </summary>
public sealed partial class ReportContentTests
{
    private const string Feature = "What the report shows a product owner";

    [Fact]
    public async Task The_report_shows_measured_values_the_cluster_around_the_fault_retention_by_name_and_rows_of_another_profile_apart()
    {
        // Given: the feature run as the README runs the suite (smoke profile, embedded target)
        using var run = FeaturesHostRun.Start($"Feature={Feature}", new Dictionary<string, string?>());
        var exit = await run.WaitForExitAsync(TimeSpan.FromMinutes(8));
        exit.Should().Be(0, run.Output);

        // When: its Allure results are read back
        var results = new AllureResults(Path.Combine(run.Folders.Work, "allure-results"));
        var kill = results.Scenario("Broker 106 is killed and started again while 40000 messages are sent");
        var retention = results.Scenario("A group that comes late finds the oldest messages dropped by the target's retention");
        var fullRow = results.Scenario("Broker 106 is killed and started again while 100000000 messages are sent");

        // Then: every Then step shows its bound and what was measured, and the fault step when it struck
        Status(kill).Should().Be("passed", results.Message(kill));
        var thenSteps = Steps(kill).Where(s => Name(s).StartsWith("Then ", StringComparison.Ordinal)).ToList();
        thenSteps.Should().HaveCount(6);
        foreach (var step in thenSteps)
        {
            Parameter(step, "expected").Should().NotBeNullOrWhiteSpace(Name(step));
            Parameter(step, "measured").Should().NotBeNullOrWhiteSpace(Name(step));
        }
        Parameter(Step(kill, "Then no acknowledged message is lost"), "measured").Should().StartWith("40,000 acked, 40,000 read, 0 lost");
        Parameter(Step(kill, "Then the producer stalled for at most 10 seconds"), "measured").Should().MatchRegex(@"^stalled \d+\.\d s .*partition \d acked again after \d+\.\d{3} s");
        Parameter(Step(kill, "Then the producer stalled for at most 10 seconds"), "expected").Should().Be("at most 10 s");
        var killStep = Step(kill, "When broker 106 is killed");
        Parameter(killStep, "injected").Should().MatchRegex(@"^\+\d+\.\d{3} s \(broker 106\)$");
        Parameter(killStep, "cluster snapshot before it").Should().MatchRegex(@"^taken in [\d.]+ ms, which the fault waited for$");

        // Then: the cluster before, in effect and after the heal, agreeing with every leader change of the fault timeline
        var snapshots = results.Json(kill, "cluster snapshots (json)").GetProperty("snapshots").EnumerateArray().ToList();
        snapshots.Select(s => s.GetProperty("snapshot").GetProperty("moment").GetString()).Should().Equal("BeforeFault", "InEffect", "AfterHeal");
        BrokerState(snapshots[0], 106).Should().Be("up");
        BrokerState(snapshots[1], 106).Should().Be("down");
        BrokerState(snapshots[2], 106).Should().Be("up");
        var timeline = results.Json(kill, "fault timeline (json)").GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "LeaderChange").ToList();
        timeline.Should().NotBeEmpty("broker 106 led a partition of \"shown\" and was fenced 2 s after its kill");
        foreach (var entry in timeline)
        {
            var change = LeaderChange().Match(entry.GetProperty("text").GetString()!);
            change.Success.Should().BeTrue(entry.GetProperty("text").GetString());
            var (partition, from, to) = (change.Groups[1].Value, change.Groups[2].Value, change.Groups[3].Value);
            var at = entry.GetProperty("at").GetDateTimeOffset();
            var before = snapshots.Last(s => At(s) < at);
            var after = snapshots.First(s => At(s) >= at);
            Leader(before, partition).Should().Be(from, $"the snapshot before {at:HH:mm:ss.fff} shows {partition} led by {from}");
            Leader(after, partition).Should().Be(to, $"the first snapshot after {at:HH:mm:ss.fff} shows {partition} led by {to}");
            after.GetProperty("changed").GetProperty(partition).GetString().Should().Contain($"leader {from} → {to}", "the row that changed is marked");
        }
        results.Text(kill, "cluster before and after each fault").Should().Contain("<tr class=\"changed\"><td>106</td><td>down (killed");

        // Then: the planted retention loss is put down to retention, on the step and in the verdict
        Status(retention).Should().Be("passed", results.Message(retention));
        var dropped = Step(retention, "Then the messages group \"late\" could not read were dropped by the target's retention");
        Parameter(dropped, "by cause").Should().MatchRegex(@"^[\d,]+ below the log-start offset \(retention\)$");
        var causes = results.Json(retention, "verdicts").GetProperty("judged")[0].GetProperty("causes");
        causes.GetProperty("below the log-start offset (retention)").GetInt64().Should().BePositive();
        causes.EnumerateObject().Should().OnlyContain(c => !c.Name.StartsWith("lost", StringComparison.Ordinal), "nothing is lost for another cause");

        // Then: the full-profile row stays in the report, marked and counted apart
        Status(fullRow).Should().Be("skipped");
        fullRow.GetProperty("statusDetails").GetProperty("message").GetString().Should().StartWith("not in this profile: ");
        fullRow.GetProperty("labels").EnumerateArray().Should().Contain(l => l.GetProperty("name").GetString() == "tag" && l.GetProperty("value").GetString() == "not in this profile");
        File.ReadAllText(Path.Combine(results.Folder, "categories.json")).Should().Contain("\"name\": \"Not in this profile\"");
        File.ReadAllText(Path.Combine(results.Folder, "summary.md")).Should().Contain("3 scenario(s): 2 passed, 0 failed, 0 broken, 0 skipped, 1 not in this profile (smoke).");
    }

    [GeneratedRegex(@"^leader of (shown-\d+) moved broker (\d+) -> broker (\d+) ")]
    private static partial Regex LeaderChange();

    private static string? Status(JsonElement result) => result.GetProperty("status").GetString();

    private static string Name(JsonElement step) => step.GetProperty("name").GetString()!;

    private static IEnumerable<JsonElement> Steps(JsonElement result) => result.GetProperty("steps").EnumerateArray();

    private static JsonElement Step(JsonElement result, string name) => Steps(result).Single(s => Name(s) == name);

    private static string? Parameter(JsonElement step, string name) =>
        step.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("name").GetString() == name).Select(p => p.GetProperty("value").GetString()).SingleOrDefault();

    private static DateTimeOffset At(JsonElement snapshot) => snapshot.GetProperty("snapshot").GetProperty("at").GetDateTimeOffset();

    private static string? BrokerState(JsonElement snapshot, int broker) =>
        snapshot.GetProperty("snapshot").GetProperty("brokers").EnumerateArray().Single(b => b.GetProperty("id").GetInt32() == broker).GetProperty("state").GetString();

    private static string Leader(JsonElement snapshot, string partition) =>
        snapshot.GetProperty("snapshot").GetProperty("partitions").EnumerateArray()
            .Single(p => $"{p.GetProperty("topic").GetString()}-{p.GetProperty("partition").GetInt32()}" == partition)
            .GetProperty("leader").GetInt32().ToString(CultureInfo.InvariantCulture);
}
