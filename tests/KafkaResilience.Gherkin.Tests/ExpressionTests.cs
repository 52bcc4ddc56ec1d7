using System.Globalization;
using KafkaResilience.Gherkin.Results;
using KafkaResilience.Gherkin.Tests.Harness;

namespace KafkaResilience.Gherkin.Tests;

public sealed class ExpressionTests
{
    public enum Color
    {
        Red,
        Green,
        DarkBlue,
    }

    [Binding]
    public sealed class ExpressionSteps(ScenarioContext context)
    {
        [StepArgumentTransformation(@"(\d+) brokers?", Name = "brokers")]
        public static BrokerCount Brokers(int count) => new(count);

        [Given("an int {int}")]
        public void Int(int value) => Say($"int={value}");

        [Given("a long {long}")]
        public void Long(long value) => Say($"long={value}");

        [Given("a float {float}")]
        public void Float(float value) => Say($"float={value.ToString(CultureInfo.InvariantCulture)}");

        [Given("a double {double}")]
        public void Double(double value) => Say($"double={value.ToString(CultureInfo.InvariantCulture)}");

        [Given("a decimal {decimal}")]
        public void Decimal(decimal value) => Say($"decimal={value.ToString(CultureInfo.InvariantCulture)}");

        [Given("a word {word}")]
        public void Word(string value) => Say($"word={value}");

        [Given("a string {string}")]
        public void String(string value) => Say($"string={value}");

        [Given("anything: {}")]
        public void Anything(string value) => Say($"anything={value}");

        [Given("I have {int} cucumber(s)")]
        public void Optional(int count) => Say($"cucumbers={count}");

        [Given("I eat/consume it")]
        public void Alternative() => Say("alternative");

        [Given("a pause of {duration}")]
        public void Duration(TimeSpan value) => Say($"duration={value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms");

        [Given("the color is {Color}")]
        public void Enum(Color color) => Say($"color={color}");

        [Given("the word color is {word}")]
        public void EnumFromWord(Color color) => Say($"wordcolor={color}");

        [Given("a cluster of {brokers}")]
        public void Custom(BrokerCount brokers) => Say($"brokers={brokers.Count}");

        [Given(@"^a regex with (\d+) and (\w+)$")]
        public void Regex(int number, string word) => Say($"regex={number},{word}");

        [Given(@"a regex ending with (\d+ brokers)$")]
        public void RegexTransformed(BrokerCount brokers) => Say($"regexbrokers={brokers.Count}");

        [Given(@"^a regex wait of (.+)$")]
        public void RegexDuration(TimeSpan value) => Say($"regexduration={value.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s");

        private void Say(string line) => context.Output(line);
    }

    public sealed record BrokerCount(int Count);

    [Fact]
    public async Task Every_built_in_parameter_type_converts_its_text()
    {
        // Given
        const string feature = """
            Feature: Expressions
              Scenario: all types
                Given an int -42
                And a long 9999999999
                And a float 1.5
                And a double -2.25
                And a decimal 10.125
                And a word alpha-1
                And a string "hello \"world\""
                And a string 'single quoted'
                And anything: whatever (it is) {here}
            """;

        // When
        var outcome = await RunnerHarness.RunAsync(feature, typeof(ExpressionSteps));

        // Then
        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Passed, outcome.Single.Error?.Message);
        outcome.Output.Should().ContainInOrder(
            "int=-42", "long=9999999999", "float=1.5", "double=-2.25", "decimal=10.125", "word=alpha-1",
            "string=hello \"world\"", "string=single quoted", "anything=whatever (it is) {here}");
    }

    [Fact]
    public async Task Optional_text_and_alternatives_match_every_variant()
    {
        const string feature = """
            Feature: Expressions
              Scenario: variants
                Given I have 1 cucumber
                And I have 3 cucumbers
                And I eat it
                And I consume it
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(ExpressionSteps));

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Passed, outcome.Single.Error?.Message);
        outcome.Output.Should().ContainInOrder("cucumbers=1", "cucumbers=3", "alternative", "alternative");
    }

    [Fact]
    public async Task Durations_read_milliseconds_seconds_minutes_and_literals()
    {
        const string feature = """
            Feature: Expressions
              Scenario: durations
                Given a pause of 500 ms
                And a pause of 2 s
                And a pause of 1.5 minutes
                And a pause of 00:00:05
                And a regex wait of 3 seconds
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(ExpressionSteps));

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Passed, outcome.Single.Error?.Message);
        outcome.Output.Should().ContainInOrder("duration=500ms", "duration=2000ms", "duration=90000ms", "duration=5000ms", "regexduration=3s");
    }

    [Fact]
    public async Task Enums_convert_ignoring_case_from_their_own_type_and_from_words()
    {
        const string feature = """
            Feature: Expressions
              Scenario: enums
                Given the color is green
                And the color is DARKBLUE
                And the word color is dark-blue
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(ExpressionSteps));

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Passed, outcome.Single.Error?.Message);
        outcome.Output.Should().ContainInOrder("color=Green", "color=DarkBlue", "wordcolor=DarkBlue");
    }

    [Fact]
    public async Task A_wrong_enum_value_fails_the_step_listing_the_allowed_values()
    {
        const string feature = """
            Feature: Expressions
              Scenario: bad enum
                Given the color is purple
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(ExpressionSteps));

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Failed);
        outcome.Single.Steps[0].Outcome.Should().Be(StepOutcome.Failed);
        outcome.Single.Steps[0].Message.Should().Contain("'purple' is not a value of Color").And.Contain("Red, Green, DarkBlue");
    }

    [Fact]
    public async Task Custom_parameter_types_and_regexes_capture_their_groups()
    {
        const string feature = """
            Feature: Expressions
              Scenario: custom and regex
                Given a cluster of 3 brokers
                And a cluster of 1 broker
                And a regex with 42 and forty
                And a regex ending with 5 brokers
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(ExpressionSteps));

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Passed, outcome.Single.Error?.Message);
        outcome.Output.Should().ContainInOrder("brokers=3", "brokers=1", "regex=42,forty", "regexbrokers=5");
    }

    [Fact]
    public async Task The_step_echo_names_the_method_and_its_arguments()
    {
        const string feature = """
            Feature: Expressions
              Scenario: echo
                Given an int 106
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(ExpressionSteps));

        outcome.Output.Should().Contain("Given an int 106");
        outcome.Output.Should().Contain(l => l.StartsWith("-> done: ExpressionSteps.Int(106) (", StringComparison.Ordinal) && l.EndsWith("s)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("500 ms", 500)]
    [InlineData("2 s", 2000)]
    [InlineData("1.5 minutes", 90000)]
    [InlineData("2 hours", 7200000)]
    [InlineData("00:00:05", 5000)]
    [InlineData("250milliseconds", 250)]
    public void DurationParser_reads_what_people_write(string text, double milliseconds) =>
        DurationParser.Parse(text).TotalMilliseconds.Should().Be(milliseconds);

    [Fact]
    public void DurationParser_rejects_a_number_without_unit_with_examples_in_the_message()
    {
        var parse = () => DurationParser.Parse("5");

        parse.Should().Throw<FormatException>().WithMessage("*'5' is not a duration*500 ms*");
    }

    [Binding]
    public sealed class BadExpressionSteps
    {
        [Given("a {nope} parameter")]
        public void Bad(string value)
        {
        }
    }

    [Fact]
    public async Task An_unknown_parameter_type_is_a_binding_error_that_fails_every_scenario()
    {
        const string feature = """
            Feature: Expressions
              Scenario: anything
                Given an int 1
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(ExpressionSteps), typeof(BadExpressionSteps));

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Failed);
        outcome.Single.Error!.Message.Should().Contain("BadExpressionSteps.Bad").And.Contain("nope");
    }
}
