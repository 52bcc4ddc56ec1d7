using KafkaResilience.Gherkin.Results;
using KafkaResilience.Gherkin.Tests.Harness;

namespace KafkaResilience.Gherkin.Tests;

public sealed class DataTableTests
{
    public enum Acks
    {
        None,
        Leader,
        All,
    }

    public sealed class ProducerSettings
    {
        public Acks Acks { get; set; }

        public int Retries { get; set; }

        public TimeSpan LingerTime { get; set; }

        public bool? Idempotence { get; set; }
    }

    [Fact]
    public void CreateInstance_reads_a_horizontal_table()
    {
        var table = new DataTable([["acks", "retries", "linger time"], ["all", "3", "1 ms"]]);

        var settings = table.CreateInstance<ProducerSettings>();

        settings.Acks.Should().Be(Acks.All);
        settings.Retries.Should().Be(3);
        settings.LingerTime.Should().Be(TimeSpan.FromMilliseconds(1));
        settings.Idempotence.Should().BeNull();
    }

    [Fact]
    public void CreateInstance_reads_a_vertical_field_value_table()
    {
        var table = new DataTable([["Field", "Value"], ["Acks", "leader"], ["Linger_Time", "00:00:02"], ["idempotence", "yes"]]);

        var settings = table.CreateInstance<ProducerSettings>();

        settings.Acks.Should().Be(Acks.Leader);
        settings.LingerTime.Should().Be(TimeSpan.FromSeconds(2));
        settings.Idempotence.Should().BeTrue();
    }

    [Fact]
    public void CreateSet_reads_one_object_per_row()
    {
        var table = new DataTable([["acks", "retries"], ["none", "0"], ["all", "2147483647"]]);

        var set = table.CreateSet<ProducerSettings>();

        set.Select(s => (s.Acks, s.Retries)).Should().Equal((Acks.None, 0), (Acks.All, int.MaxValue));
        table.Rows[1]["retries"].Should().Be("2147483647");
        table.Header.Should().Equal("acks", "retries");
    }

    [Fact]
    public void An_unknown_column_names_the_writable_properties()
    {
        var table = new DataTable([["acks", "colour"], ["all", "red"]]);

        var create = () => table.CreateInstance<ProducerSettings>();

        create.Should().Throw<StepBindingException>().WithMessage("Column 'colour' matches no writable property of ProducerSettings; properties: Acks, Retries, LingerTime, Idempotence.");
    }

    [Binding]
    public sealed class TableSteps(ScenarioContext context)
    {
        [Given("the producer settings:")]
        public void Settings(DataTable table) => context.Output($"acks={table.CreateInstance<ProducerSettings>().Acks}");

        [Given("the config:")]
        public void Config(string text) => context.Output($"config={text}");
    }

    [Fact]
    public async Task Steps_receive_tables_and_doc_strings_and_results_keep_them()
    {
        const string feature = """"
            Feature: Arguments
              Scenario Outline: arguments
                Given the producer settings:
                  | acks   | retries |
                  | <acks> | 3       |
                And the config:
                  """properties
                  acks=<acks>
                  """

                Examples:
                  | acks |
                  | all  |
            """";

        var outcome = await RunnerHarness.RunAsync(feature, typeof(TableSteps));

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Passed, outcome.Single.Error?.Message);
        outcome.Output.Should().Contain("acks=All").And.Contain("config=acks=all");
        outcome.Single.Steps[0].DataTable!.Rows.Should().HaveCount(2);
        outcome.Single.Steps[0].DataTable!.Rows[1].Should().Equal("all", "3");
        outcome.Single.Steps[1].DocString.Should().Be(new DocStringArgument("acks=all", "properties"));
        outcome.Single.Steps[1].ResolvedKeyword.Should().Be("Given");
        outcome.Single.Steps[1].Keyword.Should().Be("And");
    }
}
