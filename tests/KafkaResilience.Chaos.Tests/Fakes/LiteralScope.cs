using System.Diagnostics.CodeAnalysis;
using KafkaResilience.Chaos.Fit;
using KafkaResilience.Chaos.Scenario;

namespace KafkaResilience.Chaos.Tests.Fakes;

/// <summary>
/// A scenario's scope written by hand: the step a test says is running, lines into a list, and everything the roles
/// ask of it (attachments, values beside a step, skips) kept for the test to read.
/// </summary>
internal sealed class LiteralScope(Action<string> say, IReadOnlyList<string>? tags = null, string title = "a scenario under test", IReadOnlyList<string>? steps = null)
    : IScenarioScope
{
    private readonly Lock _gate = new();
    private readonly List<(string Name, string MediaType, byte[] Content)> _kept = [];
    private readonly List<(string Step, string Name, string Value)> _reported = [];
    private readonly Dictionary<int, string> _stepSkips = [];
    private readonly List<(string Step, string Reason)> _notJudged = [];

    public string Title => title;

    public IReadOnlyList<string> Tags { get; } = tags ?? [];

    public IReadOnlyList<string> StepTexts { get; } = steps ?? [];

    public IReadOnlyList<string> StepLocations => [.. StepTexts.Select((_, i) => $"literal.feature:{i + 1}")];

    /// <summary>What the test says each step plans (by index); a step it leaves out plans nothing.</summary>
    public IReadOnlyDictionary<int, IPlannedStep> Plan { get; init; } = new Dictionary<int, IPlannedStep>();

    public Task<IReadOnlyList<IPlannedStep?>> PlanAsync() =>
        Task.FromResult<IReadOnlyList<IPlannedStep?>>([.. StepTexts.Select((_, i) => Plan.GetValueOrDefault(i))]);

    /// <summary>The step the test says is running.</summary>
    public string? TestStep { get; set; }

    public string? CurrentStep => TestStep;

    public CancellationToken Token { get; set; } = CancellationToken.None;

    public DateTimeOffset RunStart { get; init; } = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    /// <summary>What was attached, by name.</summary>
    public IReadOnlyList<(string Name, string MediaType, byte[] Content)> Kept
    {
        get { lock (_gate) return [.. _kept]; }
    }

    /// <summary>The step parameters reported, with the step each belongs to.</summary>
    public IReadOnlyList<(string Step, string Name, string Value)> Reported
    {
        get { lock (_gate) return [.. _reported]; }
    }

    /// <summary>The steps the scenario would skip ahead, with their reasons.</summary>
    public IReadOnlyDictionary<int, string> TestStepSkips
    {
        get { lock (_gate) return new Dictionary<int, string>(_stepSkips); }
    }

    /// <summary>The steps that ended not judged, with their reasons.</summary>
    public IReadOnlyList<(string Step, string Reason)> NotJudgedSteps
    {
        get { lock (_gate) return [.. _notJudged]; }
    }

    public void Say(string line) => say(line);

    [DoesNotReturn]
    public void Skip(string reason) => throw new LiteralSkipException(reason);

    public void SkipLaterStep(int index, string reason)
    {
        lock (_gate) _stepSkips[index] = reason;
    }

    public void NotJudged(string reason)
    {
        lock (_gate) _notJudged.Add((TestStep ?? throw new InvalidOperationException("Only a step can be not judged."), reason));
    }

    public void Report(string name, string value)
    {
        if (TestStep is not { } step)
        {
            Say($"{name}: {value}");
            return;
        }

        lock (_gate) _reported.Add((step, name, value));
    }

    public void Attach(string name, string mediaType, byte[] content, string fileExtension)
    {
        lock (_gate) _kept.Add((name, mediaType, content));
    }
}
