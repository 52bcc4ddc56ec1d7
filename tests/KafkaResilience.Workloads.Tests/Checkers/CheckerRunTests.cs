using FluentAssertions;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Checkers;

public sealed class CheckerRunTests
{
    private sealed class Crashing : IChecker
    {
        public string Name => "crashing";
        public Verdict Check(HistorySnapshot history) => throw new InvalidOperationException("boom");
    }

    private sealed class Fixed(Validity validity) : IChecker
    {
        public string Name => $"fixed-{validity}";
        public Verdict Check(HistorySnapshot history) => new(Name, validity, "fixed", new Dictionary<string, double>(), []);
    }

    [Fact]
    public void A_crashing_checker_yields_unknown_never_valid()
    {
        var run = CheckerRun.Of(new LiteralHistory().Snapshot(1), new Crashing(), new Fixed(Validity.Valid));
        run.Validity.Should().Be(Validity.Unknown);
        run["crashing"].Summary.Should().Contain("InvalidOperationException: boom");
    }

    [Theory]
    [InlineData(Validity.Valid, Validity.Valid, Validity.Valid)]
    [InlineData(Validity.Valid, Validity.Unknown, Validity.Unknown)]
    [InlineData(Validity.Unknown, Validity.Invalid, Validity.Invalid)]
    [InlineData(Validity.Invalid, Validity.Valid, Validity.Invalid)]
    [InlineData(Validity.NotJudged, Validity.Valid, Validity.NotJudged)]
    [InlineData(Validity.NotJudged, Validity.Unknown, Validity.Unknown)]
    [InlineData(Validity.Invalid, Validity.NotJudged, Validity.Invalid)]
    public void Verdicts_combine_invalid_over_unknown_over_not_judged_over_valid(Validity a, Validity b, Validity combined)
    {
        CheckerRun.Of(new LiteralHistory().Snapshot(1), new Fixed(a), new Fixed(b)).Validity.Should().Be(combined);
    }

    [Fact]
    public void No_verdict_at_all_is_unknown()
    {
        Verdict.Combine([]).Should().Be(Validity.Unknown);
    }

    [Fact]
    public void A_run_serializes_to_json_with_numbers_and_examples()
    {
        var h = new LiteralHistory().AckRange(0, 0, 3, at: 1).ReadRange("c", 0, 0, 2, 0, 0, at: 2);
        var json = CheckerRun.Of(h.Snapshot(3), new LostChecker(), new DuplicateChecker()).ToJson();
        json.Should().Contain("\"Validity\": \"Invalid\"").And.Contain("\"lost\": 1").And.Contain("p0#2");
    }

    [Fact]
    public void A_check_of_loss_whose_topic_no_consumer_read_is_not_judged_and_never_run()
    {
        // Given: 200,000 acked into "l"; the late group's read was skipped before the scenario ran
        var h = new LiteralHistory().WritesTo("l");
        h.AckRange(0, 0, 200_000, at: 1);
        h.Ledger.WithholdRead(new WithheldRead("late", "l", "1 consumer in group \"late\" reads all acknowledged messages of \"l\" within 20 seconds",
            "was skipped before the scenario ran: the late group needs 200,000 x 100 B (20.0 MB) kept"));

        // When
        var verdict = CheckerRun.Of(h.Snapshot(2), new LostChecker())["lost"];

        // Then: not judged, naming the step and why; no loss, and no "never reached by a consumer"
        verdict.Validity.Should().Be(Validity.NotJudged);
        verdict.Summary.Should().Be("no consumer read \"l\": the step \"1 consumer in group \"late\" reads all acknowledged messages of \"l\" within 20 seconds\", " +
            "which would have read it with group \"late\", was skipped before the scenario ran: the late group needs 200,000 x 100 B (20.0 MB) kept");
        verdict.Summary.Should().NotContain("lost").And.NotContain("never reached");
        verdict.Numbers.Should().BeEmpty();
    }

    [Fact]
    public void A_check_of_loss_with_no_step_that_reads_says_so()
    {
        var h = new LiteralHistory().WritesTo("l");
        h.AckRange(0, 0, 10, at: 1);

        CheckerRun.Of(h.Snapshot(2), new ReorderChecker()).Verdicts[0].Should().Match<Verdict>(v =>
            v.Validity == Validity.NotJudged && v.Summary == "no consumer read \"l\": no step of the scenario reads it");
    }

    [Fact]
    public void A_group_that_read_and_found_nothing_is_judged_and_its_loss_named_by_cause()
    {
        // Given: the group was started on "l" (evidence gathered) and read nothing
        var h = new LiteralHistory().WritesTo("l");
        h.AckRange(0, 0, 10, at: 1);
        h.Ledger.AddReader("late", "l");

        var verdict = CheckerRun.Of(h.Snapshot(2), new LostChecker())["lost"];

        verdict.Validity.Should().Be(Validity.Invalid);
        verdict.Summary.Should().Contain("10 lost (10 never reached by a consumer)");
    }

    [Fact]
    public void A_topic_read_through_a_prefix_counts_as_read_and_another_topic_does_not()
    {
        var prefixed = new LiteralHistory().WritesTo("sweep-2").AckRange(0, 0, 3, at: 1);
        prefixed.Ledger.AddReader("sweep-readers", "sweep-*");
        var elsewhere = new LiteralHistory().WritesTo("sweep-2").AckRange(0, 0, 3, at: 1);
        elsewhere.Ledger.AddReader("other", "sweep-1");

        new ReadsOfAckedTopics().MissingIn(prefixed.Snapshot(2)).Should().BeNull();
        new ReadsOfAckedTopics().MissingIn(elsewhere.Snapshot(2)).Should().Be("no consumer read \"sweep-2\": no step of the scenario reads it");
    }

    [Fact]
    public void A_check_of_a_group_that_never_read_names_the_step_that_would_have_started_it()
    {
        var h = new LiteralHistory();
        h.Ledger.WithholdRead(new WithheldRead("late", "l", "the late step", "failed before it read: No topic \"nowhere\" was created"));

        var verdict = CheckerRun.Of(h.Snapshot(1), new IdleConsumerChecker("late", [], 0)).Verdicts[0];

        verdict.Validity.Should().Be(Validity.NotJudged);
        verdict.Summary.Should().Be("group \"late\" never read: the step \"the late step\" that would have started it failed before it read: No topic \"nowhere\" was created");
    }
}
