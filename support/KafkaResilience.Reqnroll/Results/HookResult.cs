namespace KafkaResilience.Reqnroll.Results;

/// <summary>One hook method run around a scenario (reported by Allure as a fixture).</summary>
public sealed record HookResult(
    string Kind,
    string Method,
    bool IsBefore,
    StepOutcome Outcome,
    Exception? Error,
    DateTimeOffset Start,
    DateTimeOffset Stop);
