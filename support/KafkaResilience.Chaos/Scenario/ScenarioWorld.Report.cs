using System.Globalization;
using System.Text;
using KafkaResilience.Reporting;
using KafkaResilience.Reporting.Charts;
using KafkaResilience.Reporting.Tables;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.Reporting;

namespace KafkaResilience.Chaos.Scenario;

public sealed partial class ScenarioWorld
{
    /// <summary>Environment variable naming the directory sweep tables are collected in (default TestResults/sweeps under the repository).</summary>
    public const string SweepDirectoryVariable = "KAFKA_RESILIENCE_SWEEPS";

    private bool _reported;

    /// <summary>
    /// Adds this row's measurements to a seed-shaped sweep table (<paramref name="header"/> = the seed's
    /// columns, <paramref name="seedRow"/> = the row's parameters and the seed's values) and attaches the
    /// table so far, as Markdown, CSV and a chart.
    /// </summary>
    public void AddSweepRow(string title, IReadOnlyList<string> header, IReadOnlyList<string> seedRow)
    {
        var measured = new Dictionary<string, double?>();
        if (_sends > 0)
        {
            var (_, ok, _, _, first, last) = CurrentSendCounts();
            var seconds = first is { } f && last is { } l ? (l - f).TotalSeconds : 0;
            measured[SweepMeasures.ProducerRate] = ProducerRate();
            measured[SweepMeasures.ProducerSeconds] = seconds;
            measured[SweepMeasures.ProducerLatencyMean] = Ledger.Snapshot().AckLatency.MeanMs;
            measured[SweepMeasures.ProducerMegabytesPerSecond] = seconds > 0 ? ok * (double)_currentSend[0].Options.MessageSize / 1048576 / seconds : null;
        }
        if (_lastGroup is not null)
        {
            var (count, seconds, bytes) = GroupTotals(_lastGroup);
            measured[SweepMeasures.ConsumerRate] = Rate(count, seconds);
            measured[SweepMeasures.ConsumerSeconds] = seconds;
            measured[SweepMeasures.ConsumerMegabytesPerSecond] = seconds > 0 ? bytes / 1048576.0 / seconds : null;
        }
        var table = new SweepRecorder(SweepDirectory()).Add(title, header, seedRow, measured);
        foreach (var attachment in ReportAttachments.Sweep(table))
            _scenario.Attach(attachment.Name, attachment.MediaType, attachment.Content, attachment.FileExtension);
        var throughput = table.Columns.FirstOrDefault(c => c.Name.Contains("TPS", StringComparison.OrdinalIgnoreCase))?.Name ?? table.Columns[0].Name;
        var latency = table.Columns.FirstOrDefault(c => c.Name.Contains("RT", StringComparison.Ordinal))?.Name;
        _scenario.Attach($"{title} (chart)", "image/png", new ChartRenderer().RenderSweep(table.ToChart(throughput, latency)), "png");
        Say($"Sweep table \"{title}\" so far:\n{table.ToMarkdown()}");
    }

    /// <summary>
    /// Ends the scenario's chaos: heals every fault still active, stops the workloads, then attaches what
    /// the report shows: target, perf-test lines, verdicts, fault timeline, throughput chart with the
    /// fault windows shaded, history summary. Runs after every scenario, whatever happened.
    /// </summary>
    public async Task FinishAsync()
    {
        if (_reported || _cluster is null) return;
        _reported = true;
        if (_ledger is null)
        {
            // Skipped before anything ran (the target cannot model the scenario): say what the target is, nothing else.
            _scenario.AttachText("target", $"{_cluster.TargetName}: {_cluster.Description}");
            return;
        }
        var healErrors = _nemesis is null ? [] : await _nemesis.HealAllAsync().ConfigureAwait(false);
        await StopWorkloadsAsync().ConfigureAwait(false);
        _timeline.Absorb(_cluster.LeadershipChanges);
        var history = Ledger.Snapshot(_cluster.LeadershipChanges);

        _scenario.AttachText("target", $"{_cluster.TargetName}: {_cluster.Description}\nCannot model:\n" +
            string.Join("\n", _cluster.Capabilities.Missing.Select(m => $"- {m.Key}: {m.Value}")));
        if (history.TotalSent > 0 || history.TotalConsumed > 0)
        {
            var perf = new StringBuilder();
            if (history.TotalSent > 0) perf.AppendLine(PerfReport.ProducerLine(history));
            if (history.TotalConsumed > 0)
            {
                perf.AppendLine(PerfReport.ConsumerHeader).AppendLine(PerfReport.ConsumerLine(history));
                foreach (var line in PerfReport.PerConsumerLines(history)) perf.AppendLine(line);
            }
            _scenario.AttachText("perf-test lines", perf.ToString());
            var run = CheckerRun.Of(history, new LostChecker(), new DuplicateChecker(allowWrittenTwice: true, allowDeliveredTwice: true), new ReorderChecker(),
                new StallChecker(StallSide.Producer, TimeSpan.FromSeconds(1)), new StallChecker(StallSide.Consumer, TimeSpan.FromSeconds(1)));
            List<Verdict> stated;
            lock (_verdicts) stated = [.. _verdicts];
            _scenario.AttachJson("verdicts", new { asserted = stated, wholeRun = run.Verdicts });
            var throughput = ThroughputChartOf(history);
            _scenario.Attach("throughput per second", "image/png", new ChartRenderer().RenderThroughput(throughput), "png");
            if (history.AckLatencyPerSecond.Count > 0)
                _scenario.Attach("ack latency per second", "image/png", new ChartRenderer().RenderLatency(LatencyChartOf(history, throughput)), "png");
            _scenario.AttachJson("history summary", HistorySummary.Of(history).ToJson());
        }
        _scenario.AttachText("fault timeline", $"target: {_cluster.TargetName} ({_cluster.Description})\n" + _timeline.ToText(history.OriginWallClock));
        _scenario.AttachJson("fault timeline (json)", _timeline.ToJson());
        if (healErrors.Count > 0)
            throw new AggregateException("Some faults could not be healed after the scenario.", healErrors);
    }

    private ThroughputChart ThroughputChartOf(HistorySnapshot history)
    {
        IReadOnlyList<SeriesPoint> Points(TimeSeries series) =>
            [.. series.PerSecond().Select(p => new SeriesPoint(p.Second, p.Value))];
        var end = history.Duration.TotalSeconds;
        var windows = history.Faults.Select(f => new FaultWindow(f.InjectedAt.TotalSeconds, Math.Max(f.InjectedAt.TotalSeconds, (f.HealedAt ?? history.Duration).TotalSeconds), f.Name)).ToList();
        var markers = history.LeadershipChanges.Where(c => c.Partition is not null)
            .Select(c => new ChartMarker((c.At - history.OriginWallClock).TotalSeconds, $"{c.Topic}-{c.Partition}: {c.From}->{c.To}"))
            .Where(m => m.Seconds >= 0 && m.Seconds <= end + 1).ToList();
        return new ThroughputChart(Cluster.Description.Split(',')[0] + " - " + _scenario.Title, Points(history.Sent), Points(history.Acked), Points(history.Consumed), windows, markers);
    }

    private static LatencyChart LatencyChartOf(HistorySnapshot history, ThroughputChart throughput) => new(
        throughput.Title,
        [.. history.AckLatencyPerSecond.Select(p => new SeriesPoint(p.Second, p.P50Ms))],
        [.. history.AckLatencyPerSecond.Select(p => new SeriesPoint(p.Second, p.P99Ms))],
        throughput.Faults,
        throughput.LeaderChanges);

    private string SweepDirectory()
    {
        var configured = Environment.GetEnvironmentVariable(SweepDirectoryVariable);
        var root = !string.IsNullOrWhiteSpace(configured)
            ? configured
            : Path.Combine(RepositoryRoot.Find(AppContext.BaseDirectory) ?? Path.GetTempPath(), "TestResults", "sweeps");
        return Path.Combine(root, "run-" + _run.Run.Start.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
    }
}
