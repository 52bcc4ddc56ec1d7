using KafkaResilience.Gherkin.Results;

namespace KafkaResilience.Gherkin.Tests.Harness;

/// <summary>What one harness run produced: every result, every output line, the run context and the error sink's lines.</summary>
public sealed record RunOutcome(
    IReadOnlyList<ScenarioCase> Cases,
    IReadOnlyList<ScenarioResult> Results,
    IReadOnlyList<string> Output,
    TestRunContext Context,
    IReadOnlyList<string> Errors)
{
    public ScenarioResult Single => Results.Should().ContainSingle().Subject;

    public string Log(string key) => Context.Run.Properties.GetValueOrDefault(key, string.Empty);
}
