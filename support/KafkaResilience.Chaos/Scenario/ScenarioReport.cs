using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using KafkaResilience.Reporting;
using KafkaResilience.Reporting.Charts;
using KafkaResilience.Reporting.ClusterView;
using KafkaResilience.Reporting.Timeline;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.Performance;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// What a scenario leaves for the report: the sweep rows it adds to a seed-shaped table, and, once its teardown
/// stopped the faults and the workloads, from its history alone: the target, perf-test lines, every judged step's
/// verdict, the fault timeline, the cluster before and after each fault (a table with the changed rows marked), charts
/// with the fault windows shaded, and the history summary. Injected per scenario.
/// </summary>
public sealed class ScenarioReport
{
    /// <summary>Environment variable naming the directory sweep tables are collected in (default TestResults/sweeps under the repository).</summary>
    public const string SweepDirectoryVariable = "KAFKA_RESILIENCE_SWEEPS";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ScenarioCluster _cluster;
    private readonly ScenarioHistory _history;
    private readonly ScenarioProducers _producers;
    private readonly ScenarioConsumers _consumers;
    private readonly ScenarioJudge _judge;
    private readonly IScenarioScope _scope;
    private bool _reported;

    public ScenarioReport(ScenarioCluster cluster, ScenarioHistory history, ScenarioProducers producers, ScenarioConsumers consumers,
        ScenarioJudge judge, IScenarioScope scope)
    {
        _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
        _history = history ?? throw new ArgumentNullException(nameof(history));
        _producers = producers ?? throw new ArgumentNullException(nameof(producers));
        _consumers = consumers ?? throw new ArgumentNullException(nameof(consumers));
        _judge = judge ?? throw new ArgumentNullException(nameof(judge));
        _scope = scope ?? throw new ArgumentNullException(nameof(scope));
    }

    /// <summary>
    /// Adds this row's measurements to a seed-shaped sweep table (<paramref name="header"/> = the seed's
    /// columns, <paramref name="seedRow"/> = the row's parameters and the seed's values), shows the row's measured
    /// and seed values beside the step, and attaches the table so far, as Markdown, CSV and a chart.
    /// </summary>
    public void AddSweepRow(string title, IReadOnlyList<string> header, IReadOnlyList<string> seedRow)
    {
        var history = _history.Snapshot();
        var measured = new Dictionary<string, double?>();
        if (_producers.HasSent)
        {
            var send = _producers.CurrentSend;
            var totals = SendTotals.Of(history, send.StreamIds);
            measured[SweepMeasures.ProducerRate] = totals.AckedPerSecond;
            measured[SweepMeasures.ProducerSeconds] = totals.Seconds;
            measured[SweepMeasures.ProducerLatencyMean] = history.AckLatency.MeanMs;
            measured[SweepMeasures.ProducerMegabytesPerSecond] = totals.Seconds > 0 ? totals.Ok * (double)send.MessageSize / 1048576 / totals.Seconds : null;
        }
        if (_consumers.HasGroups)
        {
            var read = ReadTotals.Of(history, _consumers.LastGroup.MemberNames);
            measured[SweepMeasures.ConsumerRate] = read.PerSecond;
            measured[SweepMeasures.ConsumerSeconds] = read.Seconds;
            measured[SweepMeasures.ConsumerMegabytesPerSecond] = read.MegabytesPerSecond;
        }
        var table = new SweepRecorder(SweepDirectory()).Add(title, header, seedRow, measured);
        var parameter = string.Join(" / ", header.Select((h, i) => (h, i)).Where(c => !SweepMeasures.IsMeasure(c.h)).Select(c => seedRow[c.i].Trim()));
        if (table.Rows.LastOrDefault(r => r.Parameter == parameter) is { } row)
        {
            // Beside the step, as every judged step shows its values: this run's measurement of each column, the seed's after it.
            foreach (var (column, cell) in table.Columns.Zip(row.Cells).Where(c => c.Second.Measured is not null || c.Second.Reference is not null))
                _scope.Report(column.Name, $"measured {Shown(cell.Measured, column.Decimals)} (seed {Shown(cell.Reference, column.Decimals)})");
        }
        foreach (var attachment in ReportAttachments.Sweep(table))
            _scope.Attach(attachment.Name, attachment.MediaType, attachment.Content, attachment.FileExtension);
        var throughput = table.Columns.FirstOrDefault(c => c.Name.Contains("TPS", StringComparison.OrdinalIgnoreCase))?.Name ?? table.Columns[0].Name;
        var latency = table.Columns.FirstOrDefault(c => c.Name.Contains("RT", StringComparison.Ordinal))?.Name;
        _scope.Attach($"{title} (chart)", "image/png", new ChartRenderer().RenderSweep(table.ToChart(throughput, latency)), "png");
        _scope.Say($"Sweep table \"{title}\" so far:\n{table.ToMarkdown()}");
    }

    /// <summary>
    /// Attaches what the report shows of the scenario, from its history; called once by the teardown, after the faults
    /// were healed and the workloads stopped (so the history is whole), whatever happened.
    /// </summary>
    public void Attach()
    {
        if (_reported || _cluster.Started is not { } cluster) return;
        _reported = true;
        if (!_cluster.IsReady)
        {
            // Skipped before anything ran (the target cannot model the scenario): say what the target is, nothing else.
            _scope.AttachText("target", $"{cluster.TargetName}: {cluster.Description}");
            return;
        }
        var history = _history.Snapshot();
        var snapshots = history.ClusterSnapshots;

        _scope.AttachText("target", $"{cluster.TargetName}: {cluster.Description}\nCannot model:\n" +
            string.Join("\n", cluster.Capabilities.Missing.Select(m => $"- {m.Key}: {m.Value}")));
        if (history.TotalSent > 0 || history.TotalConsumed > 0)
        {
            var perf = new StringBuilder();
            if (history.TotalSent > 0) perf.AppendLine(PerfReport.ProducerLine(history));
            if (history.TotalConsumed > 0)
            {
                perf.AppendLine(PerfReport.ConsumerHeader).AppendLine(PerfReport.ConsumerLine(history));
                foreach (var line in PerfReport.PerConsumerLines(history)) perf.AppendLine(line);
            }
            _scope.AttachText("perf-test lines", perf.ToString());
            var wholeRun = CheckerRun.Of(history, new LostChecker(), new DuplicateChecker(allowWrittenTwice: true, allowDeliveredTwice: true), new ReorderChecker(),
                new StallChecker(StallSide.Producer, TimeSpan.FromSeconds(1)), new StallChecker(StallSide.Consumer, TimeSpan.FromSeconds(1)));
            _scope.AttachJson("verdicts", JsonSerializer.Serialize(new { judged = _judge.Verdicts, wholeRun = wholeRun.Verdicts }, Json));
            var throughput = ThroughputChartOf(history, cluster.Description);
            _scope.Attach("throughput per second", "image/png", new ChartRenderer().RenderThroughput(throughput), "png");
            if (history.AckLatencyPerSecond.Count > 0)
                _scope.Attach("ack latency per second", "image/png", new ChartRenderer().RenderLatency(LatencyChartOf(history, throughput)), "png");
            _scope.AttachJson("history summary", HistorySummary.Of(history).ToJson());
        }
        else if (_judge.Verdicts.Count > 0)
        {
            _scope.AttachJson("verdicts", JsonSerializer.Serialize(new { judged = _judge.Verdicts }, Json));
        }
        var timeline = new FaultTimeline(history);
        _scope.AttachText("fault timeline", $"target: {cluster.TargetName} ({cluster.Description})\n" + timeline.ToText());
        _scope.AttachJson("fault timeline (json)", timeline.ToJson());
        if (snapshots.Count > 0)
        {
            var target = $"{cluster.TargetName} ({cluster.Description})";
            _scope.Attach("cluster before and after each fault", "text/html",
                Encoding.UTF8.GetBytes(ClusterSnapshotView.Html(snapshots, target, cluster.InSyncReplicasNote)), "html");
            _scope.AttachJson("cluster snapshots (json)", JsonSerializer.Serialize(new
            {
                target,
                inSyncReplicas = cluster.InSyncReplicasNote ?? "as the cluster reports them",
                snapshots = snapshots.Select((s, i) => new { title = s.Title, snapshot = s, changed = ClusterSnapshotView.RowChanges(i == 0 ? null : snapshots[i - 1], s) }),
            }, Json));
        }
    }

    private ThroughputChart ThroughputChartOf(HistorySnapshot history, string description)
    {
        IReadOnlyList<SeriesPoint> Points(TimeSeries series) =>
            [.. series.PerSecond().Select(p => new SeriesPoint(p.Second, p.Value))];
        var end = history.Duration.TotalSeconds;
        var windows = history.Faults.Select(f => new FaultWindow(f.InjectedAt.TotalSeconds, Math.Max(f.InjectedAt.TotalSeconds, (f.HealedAt ?? history.Duration).TotalSeconds), f.Name)).ToList();
        var markers = history.LeadershipChanges.Where(c => c.Partition is not null)
            .Select(c => new ChartMarker((c.At - history.OriginWallClock).TotalSeconds, $"{c.Topic}-{c.Partition}: {c.From}->{c.To}"))
            .Where(m => m.Seconds >= 0 && m.Seconds <= end + 1).ToList();
        return new ThroughputChart(description.Split(',')[0] + " - " + _scope.Title, Points(history.Sent), Points(history.Acked), Points(history.Consumed), windows, markers);
    }

    private static LatencyChart LatencyChartOf(HistorySnapshot history, ThroughputChart throughput) => new(
        throughput.Title,
        [.. history.AckLatencyPerSecond.Select(p => new SeriesPoint(p.Second, p.P50Ms))],
        [.. history.AckLatencyPerSecond.Select(p => new SeriesPoint(p.Second, p.P99Ms))],
        throughput.Faults,
        throughput.LeaderChanges);

    private static string Shown(double? value, int decimals) =>
        value is { } v ? v.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "-";

    private string SweepDirectory()
    {
        var configured = Environment.GetEnvironmentVariable(SweepDirectoryVariable);
        var root = !string.IsNullOrWhiteSpace(configured)
            ? configured
            : Path.Combine(RepositoryRoot.Find(AppContext.BaseDirectory) ?? Path.GetTempPath(), "TestResults", "sweeps");
        return Path.Combine(root, "run-" + _scope.RunStart.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
    }
}
