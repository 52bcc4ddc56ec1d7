using System.Diagnostics.CodeAnalysis;
using KafkaResilience.Chaos.Fit;
using KafkaResilience.Chaos.Scenario;
using KafkaResilience.Reqnroll.Running;
using Reqnroll;

namespace KafkaResilience.Steps;

/// <summary>
/// The scenario's roles' view of the running scenario (<see cref="IScenarioScope"/>), over the row the features host
/// runs on Reqnroll: lines go to Reqnroll's output helper (the test output and the Cucumber reports), values beside a
/// step, attachments and skips to the host's <see cref="RunningScenario"/>, and the row's plan comes from its steps'
/// bound values (<see cref="StepPlanner"/>). Registered per scenario by <see cref="ScenarioHooks"/>.
/// </summary>
public sealed class ScenarioScope(RunningScenario running, IReqnrollOutputHelper output, StepPlanner planner, FeatureContext feature) : IScenarioScope
{
    public string Title => running.Case.Info.ScenarioTitle;

    public IReadOnlyList<string> Tags => running.Case.Info.Tags;

    public IReadOnlyList<string> StepTexts { get; } = [.. running.Steps.Select(s => s.Text)];

    public IReadOnlyList<string> StepLocations { get; } = [.. running.Steps.Select(s => $"{running.Case.Info.FeatureFile}:{s.Line}")];

    public Task<IReadOnlyList<IPlannedStep?>> PlanAsync() => planner.PlanAsync(running.Case, feature.BindingCulture);

    public string? CurrentStep => running.CurrentStep?.Echo;

    public CancellationToken Token => running.Token;

    public DateTimeOffset RunStart => running.RunStart;

    public void Say(string line) => output.WriteLine(line);

    [DoesNotReturn]
    public void Skip(string reason) => running.Skip(reason);

    public void SkipLaterStep(int index, string reason) => running.SkipLaterStep(index, reason);

    public void NotJudged(string reason) => running.NotJudged(reason);

    public void Report(string name, string value)
    {
        if (running.CurrentStep is null) Say($"{name}: {value}");
        else running.AddStepParameter(name, value);
    }

    public void Attach(string name, string mediaType, byte[] content, string fileExtension) =>
        running.Attach(name, mediaType, content, fileExtension);
}
