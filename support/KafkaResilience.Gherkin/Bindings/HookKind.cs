namespace KafkaResilience.Gherkin;

/// <summary>When a hook runs: around the whole run, a feature, a scenario or a step.</summary>
public enum HookKind
{
    BeforeTestRun,
    AfterTestRun,
    BeforeFeature,
    AfterFeature,
    BeforeScenario,
    AfterScenario,
    BeforeStep,
    AfterStep,
}
