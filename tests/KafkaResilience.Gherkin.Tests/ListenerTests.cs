using KafkaResilience.Gherkin.Results;
using KafkaResilience.Gherkin.Tests.Harness;

namespace KafkaResilience.Gherkin.Tests;

public sealed class ListenerTests
{
    private sealed class RecordingListener : IRunListener
    {
        public List<string> Calls { get; } = [];

        public List<ScenarioResult> Results { get; } = [];

        public void RunStarting(RunInfo run) => Calls.Add("RunStarting:" + run.Properties.GetValueOrDefault("started-by-hook"));

        public void ScenarioFinished(ScenarioResult result)
        {
            Calls.Add("ScenarioFinished:" + result.Scenario.ScenarioTitle);
            Results.Add(result);
        }

        public void RunFinished(RunInfo run) => Calls.Add("RunFinished:" + run.Properties.GetValueOrDefault("ended-by-hook"));
    }

    private sealed class ThrowingListener : IRunListener
    {
        public void RunStarting(RunInfo run) => throw new InvalidOperationException("listener broke");

        public void ScenarioFinished(ScenarioResult result) => throw new InvalidOperationException("listener broke");

        public void RunFinished(RunInfo run) => throw new InvalidOperationException("listener broke");
    }

    [Binding]
    public sealed class AttachingSteps(ScenarioContext context)
    {
        [BeforeTestRun]
        public static void Start(TestRunContext run) => run.Run.Set("started-by-hook", "yes");

        [AfterTestRun]
        public static void End(RunInfo run) => run.Set("ended-by-hook", "yes");

        [BeforeScenario]
        public void Before() => context.AttachText("scenario note", "from a hook");

        [Given("a chart is attached")]
        public void Attach() => context.Attach("chart", "image/png", [1, 2, 3], ".png");

        [Given("a verdict is attached")]
        public void AttachJson() => context.AttachJson("verdict", new { Lost = 0 });
    }

    [Fact]
    public async Task Listeners_hear_the_run_in_order_with_complete_results_and_a_throwing_listener_breaks_nothing()
    {
        using var workspace = new FeatureWorkspace();
        workspace.Write("a.feature", """
            Feature: Listening
              Scenario: attachments
                Given a chart is attached
                And a verdict is attached
            """);
        var listener = new RecordingListener();

        var outcome = await RunnerHarness.RunAsync(workspace.Root, new RunProfile(RunProfile.Smoke), [new ThrowingListener(), listener], typeof(AttachingSteps));

        listener.Calls.Should().Equal("RunStarting:yes", "ScenarioFinished:attachments", "RunFinished:yes");
        var result = listener.Results.Should().ContainSingle().Subject;
        result.Outcome.Should().Be(ScenarioOutcome.Passed);
        result.Attachments.Should().ContainSingle().Which.Name.Should().Be("scenario note");
        result.Steps[0].Attachments.Should().ContainSingle().Which.Should().Match<Attachment>(a => a.MediaType == "image/png" && a.FileExtension == "png");
        result.Steps[1].Attachments.Should().ContainSingle().Which.MediaType.Should().Be("application/json");
        result.Hooks.Should().ContainSingle().Which.Method.Should().Be("AttachingSteps.Before");
        outcome.Errors.Should().HaveCount(3).And.OnlyContain(e => e.Contains("ThrowingListener") && e.Contains("listener broke"));
    }
}
