using FluentAssertions;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Chaos.Tests.Scenario;

/// <summary>
/// A Then step whose evidence was never gathered is not judged: recorded so, shown skipped with the reason and the step that
/// would have gathered it, never failed and never passed; evidence gathered and found wanting still fails.
/// </summary>
public sealed class ScenarioJudgeEvidenceTests
{
    private const string NothingLost = "Then no acknowledged message is lost";
    private const string LateStep = "1 consumer in group \"late\" reads all acknowledged messages of \"l\" within 20 seconds";

    [Fact]
    public void Nothing_lost_after_the_only_read_was_skipped_up_front_is_not_judged_with_the_step_and_its_reason()
    {
        // Given: 200 messages acknowledged; the late group's read was skipped before the scenario ran
        var s = new LiteralScenario();
        var stream = s.Send(200)[0];
        s.AckRange(stream, 0, 200, at: 1);
        s.History.Ledger.WithholdRead(new WithheldRead("late", "*", LateStep, "was skipped before the scenario ran: the late group needs 20.0 MB kept"));

        // When
        var (verdict, failure) = s.Step(NothingLost, s.Judge.NothingLost);

        // Then
        failure.Should().BeNull("a check that was not judged never fails its step");
        verdict.Validity.Should().Be(Validity.NotJudged);
        verdict.FailedAs.Should().BeNull();
        verdict.Measured.Should().StartWith("not judged: no consumer read").And.Contain(LateStep).And.Contain("needs 20.0 MB kept");
        verdict.Causes.Should().BeEmpty("nothing was read, so no message is put down to any loss cause");
        s.Scope.NotJudgedSteps.Should().ContainSingle().Which.Should().Be((NothingLost, verdict.Verdict.Summary));
        s.Scope.Reported.Should().Contain((NothingLost, "measured", verdict.Measured));
    }

    [Fact]
    public void A_check_of_a_group_whose_read_failed_before_it_read_is_not_judged()
    {
        var s = new LiteralScenario();
        s.History.Ledger.WithholdRead(new WithheldRead("late", "nowhere", LateStep, "failed before it read: No topic \"nowhere\" was created in this scenario"));

        var (verdict, failure) = s.Step("Then exactly 0 consumers of group \"late\" received no message", () => s.Judge.IdleConsumers(0, "late"));

        failure.Should().BeNull();
        verdict.Validity.Should().Be(Validity.NotJudged);
        verdict.Measured.Should().Be($"not judged: group \"late\" never read: the step \"{LateStep}\" that would have started it failed before it read: No topic \"nowhere\" was created in this scenario");
    }

    [Fact]
    public void A_group_no_step_ever_named_is_still_an_error_not_a_skip()
    {
        var s = new LiteralScenario();

        var typo = () => s.Judge.IdleConsumers(0, "lat");

        typo.Should().Throw<InvalidOperationException>().WithMessage("No group \"lat\" is reading in this scenario*");
    }

    [Fact]
    public void A_group_that_read_nothing_is_judged_and_its_loss_is_real()
    {
        var s = new LiteralScenario();
        var stream = s.Send(3)[0];
        s.Group("late", 1);
        s.AckRange(stream, 0, 3, at: 1);

        s.Step(NothingLost, s.Judge.NothingLost).ShouldHaveFailedAs(Workloads.Checkers.VerdictCategory.MessagesLost);
    }
}
