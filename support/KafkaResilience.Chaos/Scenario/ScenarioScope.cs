using System.Diagnostics.CodeAnalysis;
using System.Text;
using KafkaResilience.Gherkin;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// What the running scenario offers the objects that play its roles (cluster, workloads, nemesis, judge,
/// report): its title and tags, the text of every step it will run, the step running now, its cancellation,
/// output lines between the steps, values shown beside the step, attachments for the report, and a skip with a
/// reason, of the whole scenario or of one step still to come. Injected per scenario.
/// </summary>
public sealed class ScenarioScope
{
    private readonly ScenarioContext? _context;
    private readonly Action<string> _say;
    private readonly List<(string Name, string MediaType, byte[] Content)> _kept = [];
    private readonly Dictionary<int, string> _testStepSkips = [];
    private readonly List<(string Step, string Name, string Value)> _reported = [];

    public ScenarioScope(ScenarioContext scenario)
    {
        _context = scenario ?? throw new ArgumentNullException(nameof(scenario));
        _say = scenario.Output;
        Tags = scenario.Tags;
        StepTexts = [.. scenario.Steps.Select(s => s.Text)];
    }

    /// <summary>A scope outside the runner (unit tests): lines go to <paramref name="say"/>, attachments are kept in <see cref="Kept"/>.</summary>
    internal ScenarioScope(Action<string> say, IReadOnlyList<string>? tags = null, string title = "a scenario under test", IReadOnlyList<string>? steps = null)
    {
        _say = say ?? throw new ArgumentNullException(nameof(say));
        Tags = tags ?? [];
        TestTitle = title;
        StepTexts = steps ?? [];
    }

    public string Title => _context?.Title ?? TestTitle ?? "";

    /// <summary>Every inherited tag, without '@'.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The text of every step the scenario will run, in order, without keywords (backgrounds included, outline values substituted).</summary>
    public IReadOnlyList<string> StepTexts { get; }

    /// <summary>The step running now as written ("Then no acknowledged message is lost"), or null outside a step.</summary>
    public string? CurrentStep => _context is null ? TestStep : _context.CurrentStep;

    /// <summary>Cancelled when the scenario times out or the run is aborted.</summary>
    public CancellationToken Token => _context?.CancellationToken ?? CancellationToken.None;

    /// <summary>Outside the runner: the step a test says is running.</summary>
    internal string? TestStep { get; set; }

    /// <summary>Outside the runner: what was attached, by name.</summary>
    internal IReadOnlyList<(string Name, string MediaType, byte[] Content)> Kept
    {
        get { lock (_kept) return [.. _kept]; }
    }

    /// <summary>Outside the runner: the step parameters reported, with the step each belongs to.</summary>
    internal IReadOnlyList<(string Step, string Name, string Value)> Reported
    {
        get { lock (_reported) return [.. _reported]; }
    }

    private string? TestTitle { get; }

    /// <summary>Writes a line to the scenario's output (shown between the steps).</summary>
    public void Say(string line) => _say(line);

    /// <summary>
    /// Lets <paramref name="duration"/> pass: the scenario's schedule ("1 second has passed"), not a wait for a
    /// condition; cancelled with the scenario.
    /// </summary>
    public Task TimePassesAsync(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration), duration, "A duration must not be negative.");
        return Task.Delay(duration, Token);
    }

    /// <summary>Stops the scenario now; it is reported skipped with this reason, never passed.</summary>
    [DoesNotReturn]
    public void Skip(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        throw new ScenarioSkippedException(reason);
    }

    /// <summary>
    /// Skips one step still to come (index into <see cref="StepTexts"/>) with its reason when its turn comes; the rest of
    /// the scenario runs and keeps its verdict. For a step this target cannot judge while it can judge the others.
    /// </summary>
    public void SkipLaterStep(int index, string reason)
    {
        if (_context is not null)
        {
            _context.SkipLaterStep(index, reason);
            return;
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        lock (_testStepSkips) _testStepSkips[index] = reason;
    }

    /// <summary>Outside the runner: the steps a test's scenario would skip, with their reasons.</summary>
    internal IReadOnlyDictionary<int, string> TestStepSkips
    {
        get { lock (_testStepSkips) return new Dictionary<int, string>(_testStepSkips); }
    }

    /// <summary>
    /// Shows a value beside the step running now (its bound, what was measured): a step parameter in the report, a
    /// line after the step in the console. Outside a step (a hook) it is only said, as an output line.
    /// </summary>
    public void Report(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        if (CurrentStep is not { } step)
        {
            Say($"{name}: {value}");
            return;
        }
        if (_context is not null)
        {
            _context.AddStepParameter(name, value);
            return;
        }
        lock (_reported) _reported.Add((step, name, value));
    }

    /// <summary>Keeps a file for the report (on the current step when called from one).</summary>
    public void Attach(string name, string mediaType, byte[] content, string fileExtension)
    {
        if (_context is not null)
        {
            _context.Attach(name, mediaType, content, fileExtension);
            return;
        }
        lock (_kept) _kept.Add((name, mediaType, content));
    }

    public void AttachText(string name, string text) => Attach(name, "text/plain", Encoding.UTF8.GetBytes(text), "txt");

    /// <summary>Attaches text that already is JSON.</summary>
    public void AttachJson(string name, string json) => Attach(name, "application/json", Encoding.UTF8.GetBytes(json), "json");
}
