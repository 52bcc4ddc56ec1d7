using System.Diagnostics.CodeAnalysis;
using KafkaResilience.Reqnroll.Catalog;
using KafkaResilience.Reqnroll.Results;
using Reqnroll;

namespace KafkaResilience.Reqnroll.Running;

/// <summary>
/// The scenario row running now, as the host runs it on Reqnroll and as its bindings may ask for it (injectable from
/// the scenario container): its case (id, file, every step it will run), its deadline, the step running now, and what
/// Reqnroll has no place for: values a step shows beside it (a judged step's bound and measured value), attachments as
/// bytes, a skip of one step still to come, and a step that ends "not judged" (skipped with its reason while the
/// scenario goes on). The recorder reads it back into the scenario's result.
/// </summary>
public sealed class RunningScenario : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<Attachment> _scenarioAttachments = [];
    private readonly Dictionary<int, List<Attachment>> _stepAttachments = [];
    private readonly Dictionary<int, List<StepParameter>> _stepParameters = [];
    private readonly Dictionary<int, string> _laterStepSkips = [];
    private readonly Dictionary<int, string> _notJudged = [];
    private readonly CancellationTokenSource _deadline;
    private readonly CancellationToken _aborted;
    private readonly Action<string> _output;
    private CancellationTokenSource? _grace;
    private int _currentStep = -1;

    /// <summary>A running case whose steps get <paramref name="aborted"/> linked with the case's own timeout.</summary>
    public RunningScenario(ScenarioCase scenario, Action<string> output, CancellationToken aborted, DateTimeOffset runStart)
    {
        Case = scenario ?? throw new ArgumentNullException(nameof(scenario));
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _aborted = aborted;
        RunStart = runStart;
        _deadline = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        _deadline.CancelAfter(scenario.Timeout);
        Token = _deadline.Token;
    }

    public ScenarioCase Case { get; }

    /// <summary>When the test run started (names the run's output folders).</summary>
    public DateTimeOffset RunStart { get; }

    /// <summary>Every step the scenario will run, in order (backgrounds included, outline values substituted).</summary>
    public IReadOnlyList<ScenarioStep> Steps => Case.Steps;

    /// <summary>
    /// Cancelled when the scenario times out or the run is aborted. After-scenario hooks get a fresh token with a short
    /// grace period (see <see cref="EnterAfterHooks"/>) so they can still heal faults and collect what the report shows.
    /// </summary>
    public CancellationToken Token { get; private set; }

    /// <summary>True once the scenario's own deadline (not a run abort) has passed.</summary>
    public bool TimedOut => _deadline.IsCancellationRequested && !_aborted.IsCancellationRequested;

    /// <summary>The index (into <see cref="Steps"/>) of the step running now, or -1 outside steps.</summary>
    public int CurrentStepIndex
    {
        get { lock (_gate) return _currentStep; }
    }

    /// <summary>The step running now, or null in hooks outside steps.</summary>
    public ScenarioStep? CurrentStep
    {
        get
        {
            var index = CurrentStepIndex;
            return index >= 0 && index < Steps.Count ? Steps[index] : null;
        }
    }

    /// <summary>The result the recorder built when the scenario ended; null until then.</summary>
    public ScenarioResult? Result { get; internal set; }

    /// <summary>Writes a line to the scenario's output (between the step echoes).</summary>
    public void Output(string line) => _output(line);

    /// <summary>Stops the scenario now; it is reported Skipped with this reason (never Passed).</summary>
    [DoesNotReturn]
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
        lock (_gate)
        {
            if (index < 0 || index >= Steps.Count)
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The scenario has steps 0 to {Steps.Count - 1}.");
            if (index <= _currentStep)
                throw new InvalidOperationException($"Step {index} (\"{Steps[index].Echo}\") has already run; only a step still to come can be skipped.");
            _laterStepSkips[index] = reason;
        }
    }

    /// <summary>Why the step at <paramref name="index"/> is skipped before it runs, or null when it runs.</summary>
    public string? LaterStepSkip(int index)
    {
        lock (_gate) return _laterStepSkips.GetValueOrDefault(index);
    }

    /// <summary>
    /// Ends the step running now as "not judged": it is reported Skipped with <paramref name="reason"/>, the scenario goes
    /// on, and the scenario ends Skipped with that reason unless something failed (never Passed: something it was asked to
    /// judge was not). For a check whose evidence was never gathered.
    /// </summary>
    public void NotJudged(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        lock (_gate)
        {
            if (_currentStep < 0) throw new InvalidOperationException("Only a step can be not judged; this was called outside any step (a hook?).");
            _notJudged[_currentStep] = reason;
        }
    }

    /// <summary>Why the step at <paramref name="index"/> was not judged, or null.</summary>
    public string? NotJudgedReason(int index)
    {
        lock (_gate) return _notJudged.GetValueOrDefault(index);
    }

    /// <summary>The reasons of every step not judged so far, in step order.</summary>
    public IReadOnlyList<string> NotJudgedReasons
    {
        get { lock (_gate) return [.. _notJudged.OrderBy(n => n.Key).Select(n => n.Value)]; }
    }

    /// <summary>Keeps a file for the report: on the current step when called from a step, else on the scenario.</summary>
    public void Attach(string name, string mediaType, byte[] content, string fileExtension)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);
        ArgumentNullException.ThrowIfNull(content);
        var attachment = new Attachment(name, mediaType, content, fileExtension.TrimStart('.'));
        lock (_gate)
        {
            if (_currentStep < 0) _scenarioAttachments.Add(attachment);
            else Add(_stepAttachments, _currentStep, attachment);
        }
    }

    /// <summary>
    /// Shows a value beside the step running now (its bound, what was measured): a step parameter in the report, a line
    /// after the step in the console. Only a step can report one; a name given twice keeps both.
    /// </summary>
    public void AddStepParameter(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (_currentStep < 0)
                throw new InvalidOperationException($"Only a step can report a parameter; \"{name}\" was reported outside any step (a hook?).");
            Add(_stepParameters, _currentStep, new StepParameter(name, value));
        }
    }

    /// <summary>Called by the host before the after-scenario hooks: a fresh token with <paramref name="grace"/> when the scenario's own ran out.</summary>
    public void EnterAfterHooks(TimeSpan grace)
    {
        lock (_gate) _currentStep = -1;
        if (!Token.IsCancellationRequested) return;
        _grace = CancellationTokenSource.CreateLinkedTokenSource(_aborted);
        _grace.CancelAfter(grace);
        Token = _grace.Token;
    }

    internal void BeginStep(int index)
    {
        lock (_gate) _currentStep = index;
    }

    internal void EndStep()
    {
        lock (_gate) _currentStep = -1;
    }

    internal (IReadOnlyList<Attachment> Attachments, IReadOnlyList<StepParameter> Parameters) StepRecords(int index)
    {
        lock (_gate)
            return ([.. _stepAttachments.GetValueOrDefault(index) ?? []], [.. _stepParameters.GetValueOrDefault(index) ?? []]);
    }

    internal IReadOnlyList<Attachment> ScenarioAttachments
    {
        get { lock (_gate) return [.. _scenarioAttachments]; }
    }

    public void Dispose()
    {
        _deadline.Dispose();
        _grace?.Dispose();
    }

    private static void Add<T>(Dictionary<int, List<T>> byStep, int index, T item)
    {
        if (!byStep.TryGetValue(index, out var list)) byStep[index] = list = [];
        list.Add(item);
    }
}
