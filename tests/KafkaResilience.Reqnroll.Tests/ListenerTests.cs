using System.Text;
using KafkaResilience.Reqnroll.Results;
using KafkaResilience.Reqnroll.Running;
using KafkaResilience.Reqnroll.Tests.Harness;
using Reqnroll;

namespace KafkaResilience.Reqnroll.Tests;

/// <summary>The run's listeners hear it in order, with complete results written from Reqnroll's events; a throwing listener breaks nothing.</summary>
public sealed class ListenerTests
{
    private sealed class ThrowingListener : IRunListener
    {
        public void RunStarting(RunInfo run) => throw new InvalidOperationException("listener broke");

        public void ScenarioFinished(ScenarioResult result) => throw new InvalidOperationException("listener broke");

        public void RunFinished(RunInfo run) => throw new InvalidOperationException("listener broke");
    }

    [Binding]
    [Scope(Tag = "listening")]
    public sealed class AttachingSteps(RunningScenario running)
    {
        [BeforeScenario]
        public void Before() => running.Attach("scenario note", "text/plain", Encoding.UTF8.GetBytes("from a hook"), "txt");

        [Given("a chart is attached")]
        public void Attach() => running.Attach("chart", "image/png", [1, 2, 3], ".png");

        [Given("it fails")]
        public void Fails() => throw new InvalidOperationException("boom");
    }

    [Fact]
    public async Task Listeners_hear_the_run_in_order_with_complete_results()
    {
        const string feature = """
            @listening
            Feature: Listening
              Scenario: attachments
                Given a chart is attached

              Scenario: a failure
                Given it fails
                And a chart is attached
            """;

        var outcome = await HostHarness.RunAsync(feature);

        outcome.Listener.Calls.Should().Equal("RunStarting", "ScenarioFinished:attachments", "ScenarioFinished:a failure", "RunFinished:");
        var first = outcome.Listener.Results[0];
        first.Outcome.Should().Be(ScenarioOutcome.Passed);
        first.Attachments.Should().ContainSingle().Which.Name.Should().Be("scenario note", "an attachment from a hook belongs to the scenario");
        first.Steps[0].Attachments.Should().ContainSingle().Which.Should().Match<Attachment>(a => a.Name == "chart" && a.FileExtension == "png");
        first.Hooks.Should().Contain(h => h.Kind == "BeforeScenario" && h.Method == "AttachingSteps.Before" && h.Outcome == StepOutcome.Passed);
        var second = outcome.Listener.Results[1];
        second.Outcome.Should().Be(ScenarioOutcome.Failed);
        second.Steps.Select(s => s.Outcome).Should().Equal(StepOutcome.Failed, StepOutcome.Skipped);
        second.Error!.Message.Should().Be("boom");
    }

    [Fact]
    public void A_throwing_listener_is_reported_and_the_others_still_hear_everything()
    {
        var errors = new List<string>();
        var recording = new RecordingListener();
        var report = new RunReport(new RunInfo(DateTimeOffset.UnixEpoch), [new ThrowingListener(), recording], errors.Add);
        var info = new ScenarioRowInfo("a.feature:2", "a.feature", "F", null, null, "s", null, 2, "en", [], []);

        report.ScenarioFinished(new ScenarioResult(info, ScenarioOutcome.Passed, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, [], [], []));
        report.Finished();
        report.Finished();

        recording.Calls.Should().Equal("RunStarting", "ScenarioFinished:s", "RunFinished:");
        errors.Should().HaveCount(3).And.OnlyContain(e => e.Contains("listener broke", StringComparison.Ordinal) && e.Contains("(the run goes on)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_run_that_never_started_tells_no_listener_it_finished()
    {
        var recording = new RecordingListener();
        var report = new RunReport(new RunInfo(DateTimeOffset.UnixEpoch), [recording], _ => { });

        report.Finished();

        recording.Calls.Should().BeEmpty("a runtime loaded only to match steps must not touch the reports");
    }
}
