using FluentAssertions;
using KafkaResilience.Chaos.Scenario;
using Xunit;

namespace KafkaResilience.Chaos.Tests.Scenario;

public sealed class SweepRecorderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sweep-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Rows_of_an_outline_build_one_table_in_parameter_order_with_the_seeds_values_beside()
    {
        var recorder = new SweepRecorder(_directory);
        string[] header = ["topics", "producer RT (ms)", "producer TPS", "consumer TPS"];

        recorder.Add("Effect of the number of topics", header, ["12", "17.22", "999,860", "2,033,000"],
            new Dictionary<string, double?> { [SweepMeasures.ProducerRate] = 18_000, [SweepMeasures.ProducerLatencyMean] = 5.3, [SweepMeasures.ConsumerRate] = 9_000 });
        var table = recorder.Add("Effect of the number of topics", header, ["3", "11.67", "999,800", "2,806,700"],
            new Dictionary<string, double?> { [SweepMeasures.ProducerRate] = 20_000, [SweepMeasures.ProducerLatencyMean] = 3.8, [SweepMeasures.ConsumerRate] = 28_000 });

        table.Rows.Select(r => r.Parameter).Should().Equal("3", "12");
        table.Rows[0].Cells[1].Should().Be(new KafkaResilience.Reporting.Tables.SweepCell(20_000, 999_800, null));
        File.ReadAllText(Path.Combine(_directory, "effect-of-the-number-of-topics.md")).Should().Contain("| 12 |");
    }

    [Fact]
    public void A_seed_value_that_is_not_a_number_becomes_a_note()
    {
        var table = new SweepRecorder(_directory).Add("partitions", ["partitions", "consumer TPS"], ["256", "consumer died: java.lang.OutOfMemoryError"],
            new Dictionary<string, double?> { [SweepMeasures.ConsumerRate] = 10_000 });

        table.Rows.Single().Cells.Single().Note.Should().Contain("OutOfMemoryError");
    }

    [Fact]
    public void A_table_without_a_measured_column_is_refused_naming_the_known_ones()
    {
        var act = () => new SweepRecorder(_directory).Add("t", ["topics", "speed"], ["3", "1"], new Dictionary<string, double?>());
        act.Should().Throw<ArgumentException>().WithMessage("*producer TPS*");
    }
}
