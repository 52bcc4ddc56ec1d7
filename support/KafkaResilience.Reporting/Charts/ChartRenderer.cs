using ScottPlot;

namespace KafkaResilience.Reporting.Charts;

/// <summary>
/// Draws the report's charts as PNG bytes with ScottPlot: throughput and latency over time with fault windows
/// shaded and leader changes marked, and sweep charts. Holds no state besides its size; safe to share.
/// </summary>
public sealed class ChartRenderer
{
    /// <summary>Default image width in pixels.</summary>
    public const int DefaultWidth = 1100;

    /// <summary>Default image height in pixels.</summary>
    public const int DefaultHeight = 500;

    private static readonly Color FaultColor = Colors.Red.WithAlpha(0.15);
    private static readonly Color MarkerColor = Colors.DarkOrange;

    public ChartRenderer(int width = DefaultWidth, int height = DefaultHeight)
    {
        if (width is < 200 or > 8000 || height is < 150 or > 8000)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"chart size must be 200..8000 x 150..8000 pixels (was {width} x {height})");
        }

        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Messages per second sent / acknowledged / consumed against seconds since start.</summary>
    public byte[] RenderThroughput(ThroughputChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        using var plot = new Plot();
        Shade(plot, chart.Faults);
        AddSeries(plot, chart.Sent, "sent", Colors.SteelBlue);
        AddSeries(plot, chart.Acked, "acknowledged", Colors.SeaGreen);
        AddSeries(plot, chart.Consumed, "consumed", Colors.Purple);
        Mark(plot, chart.LeaderChanges);
        Finish(plot, chart.Title, "seconds since start", "messages / s");
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>p50 and p99 latency in milliseconds against seconds since start.</summary>
    public byte[] RenderLatency(LatencyChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        using var plot = new Plot();
        Shade(plot, chart.Faults);
        AddSeries(plot, chart.P50Milliseconds, "p50", Colors.SteelBlue);
        AddSeries(plot, chart.P99Milliseconds, "p99", Colors.Crimson);
        Mark(plot, chart.LeaderChanges);
        Finish(plot, chart.Title, "seconds since start", "latency (ms)");
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Measured and seed throughput as bars per swept value, measured latency as a line on the right axis.</summary>
    public byte[] RenderSweep(SweepChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (chart.Points.Count == 0)
        {
            throw new ArgumentException("a sweep chart needs at least one point", nameof(chart));
        }

        using var plot = new Plot();
        var bars = new List<Bar>();
        for (var i = 0; i < chart.Points.Count; i++)
        {
            var point = chart.Points[i];
            if (point.Throughput is { } measured)
            {
                bars.Add(new Bar { Position = i * 3 + 0.5, Value = measured, FillColor = Colors.SteelBlue });
            }

            if (point.ThroughputReference is { } reference)
            {
                bars.Add(new Bar { Position = i * 3 + 1.5, Value = reference, FillColor = Colors.LightGray });
            }
        }

        if (bars.Count > 0)
        {
            plot.Add.Bars(bars);
        }

        // Legend entries for the two bar colours.
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"measured ({chart.ThroughputUnit})", FillColor = Colors.SteelBlue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"seed report ({chart.ThroughputUnit})", FillColor = Colors.LightGray });

        var latency = chart.Points.Select((p, i) => (p, i)).Where(t => t.p.LatencyMilliseconds is not null).ToList();
        if (latency.Count > 0)
        {
            var line = plot.Add.Scatter(latency.Select(t => t.i * 3 + 1.0).ToArray(), latency.Select(t => t.p.LatencyMilliseconds!.Value).ToArray(), Colors.Crimson);
            line.Axes.YAxis = plot.Axes.Right;
            line.LineWidth = 2;
            line.MarkerSize = 7;
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "latency (ms, right axis)", LineColor = Colors.Crimson, LineWidth = 2 });
            plot.Axes.Right.Label.Text = "latency (ms)";
        }

        plot.Axes.Bottom.SetTicks(chart.Points.Select((_, i) => i * 3 + 1.0).ToArray(), chart.Points.Select(p => p.Parameter).ToArray());
        plot.Axes.Margins(bottom: 0);
        Finish(plot, chart.Title, chart.ParameterName, $"throughput ({chart.ThroughputUnit})");
        if (latency.Count > 0)
        {
            // Fit the data first, then start the latency axis at zero so a small rise does not look like a cliff.
            plot.Axes.AutoScale();
            plot.Axes.SetLimitsY(0, Math.Max(1, latency.Max(t => t.p.LatencyMilliseconds!.Value) * 1.15), plot.Axes.Right);
        }

        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static void AddSeries(Plot plot, IReadOnlyList<SeriesPoint> points, string label, Color color)
    {
        if (points.Count == 0)
        {
            return;
        }

        var ordered = points.OrderBy(p => p.Seconds).ToArray();
        var scatter = plot.Add.Scatter(ordered.Select(p => p.Seconds).ToArray(), ordered.Select(p => p.Value).ToArray(), color);
        scatter.LegendText = label;
        scatter.LineWidth = 2;
        scatter.MarkerSize = ordered.Length > 60 ? 0 : 4;
    }

    private static void Shade(Plot plot, IReadOnlyList<FaultWindow> faults)
    {
        foreach (var fault in faults)
        {
            // A zero-length window still shows as a thin band.
            var to = fault.ToSeconds > fault.FromSeconds ? fault.ToSeconds : fault.FromSeconds + 0.05;
            var span = plot.Add.HorizontalSpan(fault.FromSeconds, to, FaultColor);
            span.LegendText = $"fault: {fault.Label}";
        }
    }

    private static void Mark(Plot plot, IReadOnlyList<ChartMarker> markers)
    {
        foreach (var marker in markers)
        {
            var line = plot.Add.VerticalLine(marker.Seconds, 1.5f, MarkerColor, LinePattern.Dashed);
            line.LabelText = marker.Label;
        }
    }

    private void Finish(Plot plot, string title, string xLabel, string yLabel)
    {
        plot.Title(ChartTitle.Fit(title, Width));
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperRight);
    }
}
