using System.Text;
using KafkaResilience.Reqnroll.Results;
using KafkaResilience.Reporting.Charts;
using KafkaResilience.Reporting.Tables;
using KafkaResilience.Workloads.Checkers;

namespace KafkaResilience.Reporting.Tests;

/// <summary>A small but complete run (every status, outline rows, hooks, charts, tables) written as Allure results.</summary>
public static class SyntheticRun
{
    public const string SaslPassword = "Synthetic-SASL-pw-42";

    public static IReadOnlyList<ScenarioResult> Results()
    {
        var charts = new ChartRenderer();
        var faults = new[] { new FaultWindow(20, 32, "kill broker 106") };
        var leaders = new[] { new ChartMarker(26, "p2 leader 106→108") };
        var sent = Enumerable.Range(0, 60).Select(s => new SeriesPoint(s, s is >= 20 and < 26 ? 4_000 : 100_000 - (s % 7) * 900)).ToList();
        var acked = sent.Select(p => p with { Value = p.Seconds is >= 20 and < 26 ? 0 : p.Value - 300 }).ToList();
        var consumed = acked.Select(p => p with { Value = p.Seconds >= 20 ? 0 : p.Value - 500 }).ToList();
        var throughput = charts.RenderThroughput(new ThroughputChart("Broker 106 killed during a 100,000 msg/s send", sent, acked, consumed, faults, leaders));
        var latency = charts.RenderLatency(new LatencyChart("Send latency",
            sent.Select(p => p with { Value = 1 + p.Seconds % 3 }).ToList(),
            sent.Select(p => p with { Value = p.Seconds is >= 20 and < 27 ? 1_270 : 7 + p.Seconds % 5 }).ToList(), faults, leaders));
        var sweep = new SweepTable("1.2 Effect of the number of topics", "topics",
            [new SweepColumn("producer RT (ms)", 2), new SweepColumn("producer TPS"), new SweepColumn("consumer TPS")],
            [
                new SweepRow("3", [new(2.1, 11.67), new(98_000, 999_800), new(180_000, 2_806_700)]),
                new SweepRow("6", [new(2.4, 13.25), new(97_100, 999_300), new(176_000, 3_047_100)]),
                new SweepRow("12", [new(3.9, 17.22), new(95_500, 999_860), new(161_000, 2_033_000)]),
            ]);

        var killed = Scenarios.Info(title: "Broker 106 dies during a send and nothing is lost", feature: "Broker loss", line: 10,
            rule: "Leadership moves off a dead broker", tags: ["smoke", "critical", "allure.issue:https://example.org/issues/7"]);
        var passed = Scenarios.Passed(killed,
            attachments:
            [
                ReportAttachments.Png("Throughput per second", throughput),
                ReportAttachments.Png("Latency per second", latency),
                ReportAttachments.Text("perf-test line", "100000 records sent, 99850.2 records/sec (9.52 MB/sec), 8.45 ms avg latency, 1270.00 ms max latency, 1 ms 50th, 7 ms 95th, 273 ms 99th, 850 ms 99.9th."),
                ReportAttachments.Json("Checker verdicts", "[{\"checker\":\"lost\",\"validity\":\"Valid\",\"summary\":\"100000 acked, 0 lost\"}]"),
                ReportAttachments.Json("Fault timeline", "[{\"at\":20.0,\"event\":\"inject kill broker 106\"},{\"at\":26.0,\"event\":\"leader p2 106->108\"},{\"at\":32.0,\"event\":\"heal start broker 106\"}]"),
            ],
            hooks: [Scenarios.Hook("StartEmbeddedCluster", before: true), Scenarios.Hook("HealEveryFault", before: false)]);

        var lost = Scenarios.Failed(
            Scenarios.Thrown(() => new VerdictFailure(VerdictCategory.MessagesLost, "12 of 100000 acknowledged records were never consumed")),
            Scenarios.Info(title: "Producer with acks=1 loses acknowledged messages", feature: "Broker loss", line: 30, tags: ["allure.label.owner:chaos"]));
        // A step's values reach the report too, so a secret in one must be masked there as well.
        lost = lost with
        {
            Steps = [lost.Steps[0], lost.Steps[1] with { Parameters = [new("expected", "none lost"), new("measured", $"100,000 acked, 99,988 read, 12 lost (sasl.password={SaslPassword})")] }],
        };
        var broken = Scenarios.Failed(
            Scenarios.Thrown(() => new TimeoutException($"metadata for topic q_1 did not arrive within 10 s (sasl.password={SaslPassword})")),
            Scenarios.Info(title: "Controller failover", feature: "Broker loss", line: 50));
        var skipped = Scenarios.Skipped("requires-real-kafka: the embedded mock cluster has no replica divergence",
            Scenarios.Info(title: "Unclean leader election loses data", feature: "Broker loss", line: 70, tags: ["requires-real-kafka"]));

        var rows = new[] { "3", "6" }.Select((topics, i) => Scenarios.Passed(
            Scenarios.Info(title: "Throughput by topic count", feature: "Scripted perf tests", line: 8 + i, examples: [new("topics", topics), new("partitions", "3")]),
            attachments: [.. ReportAttachments.Sweep(sweep), ReportAttachments.Png("Sweep chart", charts.RenderSweep(sweep.ToChart("producer TPS", "producer RT (ms)")))])).ToList();
        var undefined = new ScenarioResult(
            Scenarios.Info(title: "A step nobody wrote", feature: "Scripted perf tests", line: 40), ScenarioOutcome.Failed, null, null,
            Scenarios.T0, Scenarios.T0.AddSeconds(1),
            [Scenarios.Step("Given ", "Given", "a cluster"), Scenarios.Step("When ", "When", "the moon is full", StepOutcome.Undefined, offsetMs: 100),
             Scenarios.Step("Then ", "Then", "nothing happens", StepOutcome.Skipped, offsetMs: 200)], [], []);
        var pending = new ScenarioResult(
            Scenarios.Info(title: "A step not written yet", feature: "Scripted perf tests", line: 60), ScenarioOutcome.Failed, null, null,
            Scenarios.T0, Scenarios.T0.AddSeconds(1),
            [Scenarios.Step("Given ", "Given", "a cluster"), Scenarios.Step("When ", "When", "the dashboard is checked", StepOutcome.Pending, offsetMs: 100)], [], []);

        return [passed, lost, broken, skipped, .. rows, undefined, pending];
    }

    /// <summary>Writes the run into <paramref name="resultsDirectory"/> and returns the results.</summary>
    public static IReadOnlyList<ScenarioResult> WriteTo(string resultsDirectory)
    {
        var options = new ReportingOptions { ResultsDirectory = resultsDirectory, Secrets = [SaslPassword], RepositoryRoot = "/repo" };
        var writer = new AllureResultsWriter(options);
        var summary = new MarkdownSummaryWriter(options);
        var run = new RunInfo(Scenarios.T0);
        writer.RunStarting(run);
        summary.RunStarting(run);
        var results = Results();
        foreach (var result in results)
        {
            writer.ScenarioFinished(result);
            summary.ScenarioFinished(result);
        }

        run.Set("target", "embedded: librdkafka 2.16.0 mock cluster, brokers 105/106/108 (not Apache Kafka)");
        run.Set("profile", "smoke");
        run.Set("commit", "0123abc");
        writer.RunFinished(run);
        summary.RunFinished(run);
        return results;
    }

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
