using KafkaResilience.Gherkin.Results;

namespace KafkaResilience.Gherkin;

/// <summary>How a <see cref="GherkinRun"/> behaves beyond its bindings: grace time for after-hooks, clock, listeners, error sink.</summary>
public sealed record GherkinRunOptions
{
    /// <summary>How long after-scenario hooks may run once the scenario timed out or was aborted.</summary>
    public TimeSpan AfterHookGrace { get; init; } = TimeSpan.FromMinutes(2);

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Listeners in addition to those the bindings' assemblies declare.</summary>
    public IReadOnlyList<IRunListener> Listeners { get; init; } = [];

    /// <summary>Where problems with no test to fail go (a throwing listener, a failing AfterTestRun hook).</summary>
    public Action<string> ErrorSink { get; init; } = Console.Error.WriteLine;

    /// <summary>Validates the options; the message names the setting.</summary>
    public GherkinRunOptions Validate()
    {
        if (AfterHookGrace <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(AfterHookGrace), AfterHookGrace, "AfterHookGrace must be above zero.");
        }

        return this;
    }
}
