namespace KafkaResilience.Chaos.Fit;

/// <summary>
/// Gathers a row's <see cref="ScenarioNeeds"/> step by step, in order, as each <see cref="IPlannedStep"/> adds to it: the
/// topics, the sends (and whether a group already reads them while they are sent), the records written first, the late
/// groups, the stated rates, and the gaps in reading (a consumer crash lasts until its restart, and the time let pass).
/// </summary>
public sealed class ScenarioNeedsBuilder
{
    /// <summary>
    /// How long a crashed consumer's partitions stay unread at least: the group notices the crash only after the
    /// consumers' session timeout (the workload's default), then the time the scenario lets pass before the restart.
    /// </summary>
    public static readonly TimeSpan CrashedConsumerSession = Workloads.Consuming.ConsumerWorkload.DefaultSessionTimeout;

    private readonly Dictionary<string, int> _topics = new(StringComparer.Ordinal);
    private readonly List<NeededSend> _sends = [];
    private readonly List<NeededSend> _prefills = [];
    private readonly List<LateRead> _lateReads = [];
    private readonly List<StatedRate> _rates = [];
    private readonly List<ReaderGap> _gaps = [];
    private readonly List<string> _readers = [];
    private TimeSpan? _detection;
    private (int Step, TimeSpan Passed)? _crash;

    /// <summary>
    /// The needs of a row whose steps plan as <paramref name="plan"/> (null: a step that needs nothing) and read as
    /// <paramref name="texts"/> (the same order, one each).
    /// </summary>
    public static ScenarioNeeds Of(IReadOnlyList<IPlannedStep?> plan, IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(texts);
        if (plan.Count != texts.Count) throw new ArgumentException($"The plan has {plan.Count} steps but the row {texts.Count}.", nameof(plan));
        var builder = new ScenarioNeedsBuilder();
        for (var i = 0; i < plan.Count; i++) plan[i]?.AddTo(builder, i, texts[i]);
        return builder.Build();
    }

    public void DetectionDelay(TimeSpan delay) => _detection = delay;

    public void Topic(string name, int partitions) => _topics[name] = partitions;

    /// <summary>A group reads <paramref name="topic"/> (a reference) from now on, while producers write.</summary>
    public void Reading(string topic) => _readers.Add(topic);

    public void Send(int step, string topic, long messages, int size, double? rate)
    {
        _sends.Add(new NeededSend(step, topic, messages, size, rate, _readers.Any(r => ScenarioNeeds.SameTopics(r, topic))));
        if (rate is { } r) _rates.Add(new StatedRate(step, RateKind.SendPace, r));
    }

    public void Prefill(int step, string topic, long messages, int size) => _prefills.Add(new NeededSend(step, topic, messages, size, null, false));

    public void LateRead(int step, string topic, string group) => _lateReads.Add(new LateRead(step, topic, group));

    public void Rate(int step, RateKind kind, double perSecond)
    {
        if (perSecond > 0) _rates.Add(new StatedRate(step, kind, perSecond));
    }

    public void Gap(ReaderGap gap) => _gaps.Add(gap);

    public void ConsumerCrash(int step) => _crash = (step, TimeSpan.Zero);

    public void TimePasses(TimeSpan duration)
    {
        if (_crash is { } c) _crash = (c.Step, c.Passed + duration);
    }

    public void ConsumerRestart()
    {
        if (_crash is not { } c) return;
        _gaps.Add(new ReaderGap(c.Step, "a consumer crashes and is restarted", GapKind.WholeDuration, CrashedConsumerSession + c.Passed));
        _crash = null;
    }

    public ScenarioNeeds Build()
    {
        var gaps = new List<ReaderGap>(_gaps);
        if (_crash is { } open) gaps.Add(new ReaderGap(open.Step, "a consumer crashes", GapKind.WholeDuration, null));
        return new ScenarioNeeds
        {
            Topics = new Dictionary<string, int>(_topics, StringComparer.Ordinal),
            DetectionDelay = _detection,
            Sends = [.. _sends],
            Prefills = [.. _prefills],
            LateReads = [.. _lateReads],
            Rates = [.. _rates],
            Gaps = gaps,
        };
    }
}
