using KafkaResilience.Gherkin.Results;

namespace KafkaResilience.Gherkin;

/// <summary>The whole run as bindings and hooks see it: run facts for reports and the active profile.</summary>
public sealed class TestRunContext(RunInfo run, string profile)
{
    public RunInfo Run { get; } = run;

    /// <summary>The profile from KAFKA_RESILIENCE_PROFILE: "smoke" or "full".</summary>
    public string Profile { get; } = profile;
}
