using System.Buffers.Binary;
using FluentAssertions;
using KafkaResilience.Reporting.Charts;
using SkiaSharp;
using Xunit;

namespace KafkaResilience.Reporting.Tests.Charts;

public sealed class ChartRendererTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static List<SeriesPoint> Wave(double level, double dip) =>
        Enumerable.Range(0, 60).Select(s => new SeriesPoint(s, s is >= 20 and < 30 ? dip : level + (s % 5) * 1000)).ToList();

    private static ThroughputChart Throughput(IReadOnlyList<FaultWindow> faults, IReadOnlyList<ChartMarker> markers) =>
        new("Broker 106 killed during a send", Wave(100_000, 5_000), Wave(99_000, 0), Wave(98_000, 0), faults, markers);

    private static int Count(byte[] png, Func<SKColor, bool> predicate)
    {
        using var bitmap = SKBitmap.Decode(png);
        var count = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                if (predicate(bitmap.GetPixel(x, y)))
                {
                    count++;
                }
            }
        }

        return count;
    }

    private static bool Reddish(SKColor c) => c.Red > 200 && c.Red - c.Green > 20 && c.Red - c.Blue > 20 && c.Green > 150;

    private static bool Orange(SKColor c) => c.Red > 220 && c.Green is > 100 and < 170 && c.Blue < 60;

    [Fact]
    public void A_throughput_chart_is_a_png_of_the_configured_size_with_real_content()
    {
        var png = new ChartRenderer(900, 400).RenderThroughput(Throughput([], []));

        png.Take(8).Should().Equal(PngSignature);
        BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)).Should().Be(900);
        BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)).Should().Be(400);
        png.Length.Should().BeGreaterThan(5_000);
        using var bitmap = SKBitmap.Decode(png);
        bitmap.Should().NotBeNull();
        Count(png, c => c.Blue > 100 && c.Red < 100).Should().BeGreaterThan(500, "the sent series is drawn in steel blue");
    }

    [Fact]
    public void Fault_windows_are_shaded_and_leader_changes_marked()
    {
        var renderer = new ChartRenderer();
        var plain = renderer.RenderThroughput(Throughput([], []));
        var withFault = renderer.RenderThroughput(Throughput([new FaultWindow(20, 30, "kill broker 106")], [new ChartMarker(21.5, "p2 leader 106→108")]));

        Count(withFault, Reddish).Should().BeGreaterThan(Count(plain, Reddish) + 5_000);
        Count(withFault, Orange).Should().BeGreaterThan(Count(plain, Orange) + 100);
    }

    [Fact]
    public void A_latency_chart_renders_p50_and_p99_with_fault_windows()
    {
        var p50 = Enumerable.Range(0, 30).Select(s => new SeriesPoint(s, 2 + s % 3)).ToList();
        var p99 = Enumerable.Range(0, 30).Select(s => new SeriesPoint(s, s is > 10 and < 15 ? 800 : 40)).ToList();

        var png = new ChartRenderer().RenderLatency(new LatencyChart("Send latency", p50, p99, [new FaultWindow(10, 15, "latency 200 ms")], []));

        png.Take(8).Should().Equal(PngSignature);
        Count(png, Reddish).Should().BeGreaterThan(5_000);
        Count(png, c => c.Red > 180 && c.Green < 60 && c.Blue < 90).Should().BeGreaterThan(200, "the p99 line is crimson");
    }

    [Fact]
    public void A_sweep_chart_draws_measured_and_seed_bars()
    {
        var chart = new SweepChart("Effect of the number of partitions", "partitions",
        [
            new("16", 1_336_800 * 0.1, 1_336_800, 2.9),
            new("32", 1_342_100 * 0.1, 1_342_100, 4.23),
            new("64", null, 1_231_700, null),
        ]);

        var png = new ChartRenderer().RenderSweep(chart);

        png.Take(8).Should().Equal(PngSignature);
        Count(png, c => c.Red == c.Green && c.Green == c.Blue && c.Red is > 200 and < 220).Should().BeGreaterThan(5_000, "seed bars are light gray");
    }

    [Fact]
    public void Impossible_inputs_are_refused()
    {
        var emptySweep = () => new ChartRenderer().RenderSweep(new SweepChart("t", "p", []));
        var backwardsWindow = () => new FaultWindow(5, 4, "x");
        var tiny = () => new ChartRenderer(10, 10);

        emptySweep.Should().Throw<ArgumentException>();
        backwardsWindow.Should().Throw<ArgumentException>().WithMessage("*from 5, to 4*");
        tiny.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*200..8000*");
    }

    [Fact]
    public void A_long_title_is_wrapped_onto_two_lines_that_fit_and_cut_with_an_ellipsis_beyond()
    {
        var budget = (int)((DefaultWidthForTitles - 40) / ChartTitle.PixelsPerCharacter);
        const string title = "Broker failure and delivery guarantees › Broker 106 is killed while 3 consumers read a topic of 3 partitions with replication factor 3 [messages: 600000, rate: 100000, seconds: 6]";

        ChartTitle.Fit("Short title", DefaultWidthForTitles).Should().Be("Short title");
        var twoLines = ChartTitle.Fit(title, DefaultWidthForTitles).Split('\n');
        twoLines.Should().HaveCount(2).And.OnlyContain(l => l.Length <= budget);
        string.Join(' ', twoLines).Should().Be(title);

        var cut = ChartTitle.Fit(title + " " + title, DefaultWidthForTitles).Split('\n');
        cut.Should().HaveCount(2).And.OnlyContain(l => l.Length <= budget);
        cut[1].Should().EndWith("…");
    }

    private const int DefaultWidthForTitles = ChartRenderer.DefaultWidth;
}
