using System.Text;
using System.Text.Json;
using KafkaResilience.Gherkin.Results;

namespace KafkaResilience.Gherkin;

/// <summary>
/// The running scenario as its bindings see it (one per scenario, injectable): identity, tags, example
/// values, its steps (all of them, and those finished so far), a cancellation token, attachments, step parameters,
/// output, and run-time skip or pending, of the whole scenario or of one step still to come.
/// </summary>
public sealed class ScenarioContext
{
    private readonly Action<string> _output;
    private readonly List<StepResult> _stepResults = [];
    private readonly List<Attachment> _scenarioAttachments = [];
    private readonly Dictionary<int, string> _laterStepSkips = [];
    private List<Attachment>? _stepAttachments;
    private List<StepParameter>? _stepParameters;

    internal ScenarioContext(ScenarioInfo info, Action<string> output, CancellationToken cancellationToken, IReadOnlyList<ScenarioStep>? steps = null)
    {
        Info = info;
        _output = output;
        CancellationToken = cancellationToken;
        ExampleValues = info.ExampleValues.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        Steps = steps ?? [];
    }

    /// <summary>Every step the scenario will run, in order (backgrounds included, outline values substituted).</summary>
    public IReadOnlyList<ScenarioStep> Steps { get; }

    public ScenarioInfo Info { get; }

    public string Title => Info.ScenarioTitle;

    /// <summary>Every inherited tag (feature, rule, scenario, examples) without '@'.</summary>
    public IReadOnlyList<string> Tags => Info.Tags;

    /// <summary>The outline row's values by column name (empty for a plain scenario).</summary>
    public IReadOnlyDictionary<string, string> ExampleValues { get; }

    /// <summary>The steps finished so far, in order.</summary>
    public IReadOnlyList<StepResult> StepResults => _stepResults;

    /// <summary>The step running now ("Given broker 106 is killed"), or null in hooks outside steps.</summary>
    public string? CurrentStep { get; internal set; }

    /// <summary>The first error of the scenario so far (a failed step or hook), for after-scenario hooks.</summary>
    public Exception? Error { get; internal set; }

    /// <summary>
    /// Cancelled when the scenario times out or the run is aborted. After-scenario hooks get a fresh token
    /// with a short grace period so they can still heal faults and collect logs.
    /// </summary>
    public CancellationToken CancellationToken { get; internal set; }

    internal IReadOnlyList<Attachment> ScenarioAttachments => _scenarioAttachments;

    /// <summary>Keeps a file for the report: on the current step when called from a step, else on the scenario.</summary>
    public void Attach(string name, string mediaType, byte[] content, string fileExtension)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);
        ArgumentNullException.ThrowIfNull(content);
        var attachment = new Attachment(name, mediaType, content, fileExtension.TrimStart('.'));
        lock (_scenarioAttachments)
        {
            (_stepAttachments ?? _scenarioAttachments).Add(attachment);
        }
    }

    /// <summary>
    /// Reports a value of the step running now (a judged step's bound and measured value): the report shows it as a
    /// step parameter, the console after the step's outcome. Only a step can report one; a name given twice keeps both.
    /// </summary>
    public void AddStepParameter(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        lock (_scenarioAttachments)
        {
            (_stepParameters ?? throw new InvalidOperationException($"Only a step can report a parameter; \"{name}\" was reported outside any step (a hook?)."))
                .Add(new StepParameter(name, value));
        }
    }

    public void AttachText(string name, string text) =>
        Attach(name, "text/plain", Encoding.UTF8.GetBytes(text), "txt");

    /// <summary>Attaches text that already is JSON.</summary>
    public void AttachJson(string name, string json) =>
        Attach(name, "application/json", Encoding.UTF8.GetBytes(json), "json");

    /// <summary>Attaches a value serialized as indented JSON.</summary>
    public void AttachJson<T>(string name, T value) =>
        AttachJson(name, JsonSerializer.Serialize(value, new JsonSerializerOptions { WriteIndented = true }));

    /// <summary>Stops the scenario now; it is reported Skipped with this reason (never Passed).</summary>
    public void Skip(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        throw new ScenarioSkippedException(reason);
    }

    /// <summary>
    /// Skips one step still to come (<paramref name="index"/> into <see cref="Steps"/>) with a reason, and only that step:
    /// when its turn comes it is reported Skipped with the reason, its binding is not called, and the scenario goes on
    /// and keeps the verdict of what ran. For a step that cannot be judged where the rest of the scenario can.
    /// </summary>
    public void SkipLaterStep(int index, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (index < 0 || index >= Steps.Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The scenario has steps 0 to {Steps.Count - 1}.");
        if (_stepResults.Count > index)
            throw new InvalidOperationException($"Step {index} (\"{Steps[index].Echo}\") has already run; only a step still to come can be skipped.");
        _laterStepSkips[index] = reason;
    }

    /// <summary>Why the step at <paramref name="index"/> is to be skipped, or null when it runs.</summary>
    internal string? LaterStepSkip(int index) => _laterStepSkips.GetValueOrDefault(index);

    /// <summary>Marks the current step as not implemented yet; the scenario fails as pending.</summary>
    public void Pending() => throw new PendingStepException();

    /// <summary>Writes a line to the test output, between the step echoes.</summary>
    public void Output(string line) => _output(line);

    internal void BeginStep(string text)
    {
        CurrentStep = text;
        lock (_scenarioAttachments)
        {
            _stepAttachments = [];
            _stepParameters = [];
        }
    }

    internal (IReadOnlyList<Attachment> Attachments, IReadOnlyList<StepParameter> Parameters) EndStep()
    {
        CurrentStep = null;
        lock (_scenarioAttachments)
        {
            var taken = (_stepAttachments ?? [], (IReadOnlyList<StepParameter>)(_stepParameters ?? []));
            _stepAttachments = null;
            _stepParameters = null;
            return taken;
        }
    }

    internal void AddStepResult(StepResult result) => _stepResults.Add(result);
}
