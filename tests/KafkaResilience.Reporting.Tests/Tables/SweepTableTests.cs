using FluentAssertions;
using KafkaResilience.Reporting.Tables;
using Xunit;

namespace KafkaResilience.Reporting.Tests.Tables;

public sealed class SweepTableTests
{
    private static SweepTable Partitions() => new(
        "1.3 Effect of the number of partitions",
        "partitions",
        [new SweepColumn("producer RT (ms)", 2), new SweepColumn("producer TPS"), new SweepColumn("consumer TPS")],
        [
            new SweepRow("16", [new(3.1, 2.90), new(120_500, 1_336_800), new(240_000, 2_601_400)]),
            new SweepRow("256", [new(12.5, 12.26), new(118_000, 1_265_400), new(null, null, "consumer died: java.lang.OutOfMemoryError")]),
        ]);

    [Fact]
    public void Markdown_shows_measured_next_to_seed_per_column()
    {
        Partitions().ToMarkdown().Should().Be(
            "#### 1.3 Effect of the number of partitions\n\n" +
            "| partitions | producer RT (ms) (measured) | producer RT (ms) (seed) | producer TPS (measured) | producer TPS (seed) | consumer TPS (measured) | consumer TPS (seed) | note |\n" +
            "|---|---:|---:|---:|---:|---:|---:|---|\n" +
            "| 16 | 3.10 | 2.90 | 120,500 | 1,336,800 | 240,000 | 2,601,400 |  |\n" +
            "| 256 | 12.50 | 12.26 | 118,000 | 1,265,400 | – | – | consumer died: java.lang.OutOfMemoryError |\n");
    }

    [Fact]
    public void Csv_has_plain_numbers_and_empty_cells_for_missing_values()
    {
        Partitions().ToCsv().Should().Be(
            "partitions,producer RT (ms) measured,producer RT (ms) seed,producer TPS measured,producer TPS seed,consumer TPS measured,consumer TPS seed,note\r\n" +
            "16,3.10,2.90,120500,1336800,240000,2601400,\r\n" +
            "256,12.50,12.26,118000,1265400,,,consumer died: java.lang.OutOfMemoryError\r\n");
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_is_refused_naming_the_row_and_columns()
    {
        var act = () => new SweepTable("t", "topics", [new SweepColumn("TPS")], [new SweepRow("3", [new(1, 2), new(3, 4)])]);

        act.Should().Throw<ArgumentException>().WithMessage("*row '3' has 2 cells*1 columns (TPS)*");
    }

    [Fact]
    public void The_chart_of_a_table_takes_the_named_columns()
    {
        var chart = Partitions().ToChart("producer TPS", "producer RT (ms)");

        chart.Points.Should().HaveCount(2);
        chart.Points[0].Should().Be(new KafkaResilience.Reporting.Charts.SweepChartPoint("16", 120_500, 1_336_800, 3.1));
        var unknown = () => Partitions().ToChart("nope", null);
        unknown.Should().Throw<ArgumentException>().WithMessage("*no column 'nope'*producer TPS*");
    }
}
