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
    public void Verdicts_combine_invalid_over_unknown_over_valid(Validity a, Validity b, Validity combined)
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
}
