using KafkaResilience.Reporting;
using KafkaResilience.Workloads.Checkers;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// The one judge of a scenario. Every step that states an expectation builds it here, runs the matching pure
/// checker on a snapshot of the scenario's history and nothing else (a checker that crashes says unknown, never valid;
/// what a Then must read of the cluster, such as the leaders now, is recorded in the history first),
/// records the verdict with what was expected and what was measured, shows both beside the step (with the
/// unread messages counted by cause when there are any), and fails the step exactly when that
/// verdict is not valid, with the category the report files it under. Judged waits (a read that must finish
/// within a deadline) wait through the workloads, then are judged the same way. Injected per scenario.
/// </summary>
public sealed class ScenarioJudge
{
    private readonly ScenarioCluster _cluster;
    private readonly ScenarioHistory _history;
    private readonly ScenarioProducers _producers;
    private readonly ScenarioConsumers _consumers;
    private readonly IScenarioScope _scope;
    private readonly List<StepVerdict> _verdicts = [];

    public ScenarioJudge(ScenarioCluster cluster, ScenarioHistory history, ScenarioProducers producers, ScenarioConsumers consumers, IScenarioScope scope)
    {
        _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
        _history = history ?? throw new ArgumentNullException(nameof(history));
        _producers = producers ?? throw new ArgumentNullException(nameof(producers));
        _consumers = consumers ?? throw new ArgumentNullException(nameof(consumers));
        _scope = scope ?? throw new ArgumentNullException(nameof(scope));
    }

    /// <summary>Every judged step of the scenario so far, in order, passed or failed.</summary>
    public IReadOnlyList<StepVerdict> Verdicts
    {
        get { lock (_verdicts) return [.. _verdicts]; }
    }

    /// <summary>Every message of the current send ended acknowledged (none failed, none unknown).</summary>
    public void AllAcknowledged()
    {
        var send = _producers.CurrentSend;
        Judge(new AcknowledgedChecker(send.StreamIds, send.Planned), $"all {send.Planned:N0} acknowledged", _ => VerdictCategory.SendsNotAcknowledged);
    }

    /// <summary>The seed's counting interceptor: exactly these successes and failures.</summary>
    public void ProducerCounted(long successes, long failures) =>
        Judge(new ProducerCountChecker(_producers.CurrentSend.StreamIds, successes, failures), $"success={successes}, failure={failures}",
            v => v.Numbers["failure"] > failures ? VerdictCategory.SendsNotAcknowledged : VerdictCategory.CountNotAsExpected);

    /// <summary>The current send's acknowledged messages per second, over its own send window.</summary>
    public void ProducerRateAtLeast(double floor) =>
        Judge(new SendRateChecker(_producers.CurrentSend.StreamIds, floor), $"at least {floor:N0} msg/s", _ => VerdictCategory.ThroughputBelowFloor);

    /// <summary>A bound on the producers' ack latency (p50, p95, p99, p99.9, max or average).</summary>
    public void ProducerLatency(LatencyBound bound)
    {
        ArgumentNullException.ThrowIfNull(bound);
        Judge(new LatencyBoundChecker(LatencyKind.Ack, bound), bound.ToString(),
            _ => bound.Direction == BoundDirection.AtMost ? VerdictCategory.LatencyAboveCeiling : VerdictCategory.LatencyBelowFloor);
    }

    /// <summary>The last group's records per second, from its first read to its last.</summary>
    public void ConsumerRateAtLeast(double floor)
    {
        var group = _consumers.LastGroup;
        Judge(new ReadRateChecker(group.Name, group.MemberNames, floor), $"at least {floor:N0} msg/s", _ => VerdictCategory.ThroughputBelowFloor);
    }

    /// <summary>One group read at most <paramref name="ratio"/> times as fast as another.</summary>
    public void GroupRateRatio(string faster, string slower, double ratio)
    {
        var (a, b) = (_consumers.Judged(faster), _consumers.Judged(slower));
        Judge(new ReadRateRatioChecker(a.Name, a.MemberNames, b.Name, b.MemberNames, ratio), $"at most {ratio:0.00} times as fast",
            _ => VerdictCategory.ThroughputAboveCeiling);
    }

    /// <summary>Exactly <paramref name="idle"/> members of the group (the last one when null) read nothing.</summary>
    public void IdleConsumers(int idle, string? group = null)
    {
        var reading = group is null ? _consumers.LastGroup : _consumers.Judged(group);
        Judge(new IdleConsumerChecker(reading.Name, reading.MemberNames, idle), $"exactly {idle} idle", _ => VerdictCategory.ConsumersIdle);
    }

    /// <summary>Every member of the group (the last one when null) read at least one message.</summary>
    public void EveryConsumerReceived(string? group = null)
    {
        var reading = group is null ? _consumers.LastGroup : _consumers.Judged(group);
        Judge(new IdleConsumerChecker(reading.Name, reading.MemberNames, 0), "no consumer idle", _ => VerdictCategory.ConsumersIdle);
    }

    /// <summary>What a late group read of the messages written before it joined (the prefills).</summary>
    public void ReadBefore(string group, long before)
    {
        var reading = _consumers.Judged(group);
        Judge(new ReadBeforeAfterChecker(reading.Name, PrefillStreams(), [], before, allAfter: false, reading.MemberNames), $"{before:N0} of the messages written before it joined",
            v => v.Numbers["read-before"] < before ? VerdictCategory.MessagesLost : VerdictCategory.CountNotAsExpected);
    }

    /// <summary>A late group read every message of the current send (written after it joined).</summary>
    public void ReadAllAfter(string group)
    {
        var reading = _consumers.Judged(group);
        Judge(new ReadBeforeAfterChecker(reading.Name, PrefillStreams(), _producers.CurrentSend.StreamIds, null, allAfter: true, reading.MemberNames),
            "all of the messages written after it joined", _ => VerdictCategory.MessagesLost);
    }

    /// <summary>
    /// Every message the group could not read was dropped by the target's retention before it got there (at least one
    /// was), and none went unread for another cause: how a report names a planted retention loss.
    /// </summary>
    public void DroppedByRetention(string group)
    {
        var reading = _consumers.Judged(group);
        Judge(new DroppedByRetentionChecker(reading.Name, reading.MemberNames), "every message it could not read below the log-start offset (retention), none lost",
            v => v.Numbers["lost"] > 0 ? VerdictCategory.MessagesLost : VerdictCategory.CountNotAsExpected);
    }

    /// <summary>No acknowledged message of the run went unread.</summary>
    public void NothingLost() => Judge(new LostChecker(), "none lost", _ => VerdictCategory.MessagesLost);

    /// <summary>No record was read after a later one of its stream in the same partition.</summary>
    public void OrderKept() => Judge(new ReorderChecker(), "order kept in every partition", _ => VerdictCategory.MessagesReordered);

    /// <summary>A count a delivery row states; always measured, asserted only when the row gives a number.</summary>
    public void Count(DeliveryCount what, CountExpectation expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var streams = _producers.HasSent ? _producers.CurrentSend.StreamIds : [];
        Judge(new DeliveryCountChecker(what, expected.Exactly, streams), expected.IsReported ? "reported" : $"exactly {expected}",
            v => v.Numbers["count"] < expected.Exactly ? VerdictCategory.CountNotAsExpected : what switch
            {
                DeliveryCount.LostMessages or DeliveryCount.NeverProcessed => VerdictCategory.MessagesLost,
                DeliveryCount.WrittenTwice or DeliveryCount.DeliveredTwice => VerdictCategory.MessagesDuplicated,
                DeliveryCount.OutOfOrder => VerdictCategory.MessagesReordered,
                _ => VerdictCategory.SendsNotAcknowledged,
            });
    }

    /// <summary>The producer's stall: the whole run, and the partitions the first fault's broker led before it.</summary>
    public void ProducerStallAtMost(TimeSpan bound) =>
        Judge(new ProducerStallChecker(bound), $"at most {bound.TotalSeconds:0.#} s", _ => VerdictCategory.ProducerStalled);

    /// <summary>After the first fault, every partition was read from again within the bound.</summary>
    public void ConsumersResumedWithin(TimeSpan bound) =>
        Judge(RecoveryTimeChecker.OnEveryPartition(null, maxToFirstConsume: bound),
            $"every partition read again within {bound.TotalSeconds:0.#} s of the first fault", _ => VerdictCategory.ConsumerStalled);

    /// <summary>Every partition the lost broker led before the first fault now has a leader among <paramref name="allowed"/>.</summary>
    public async Task NewLeadersAsync(string topic, int lostBroker, IReadOnlyList<int> allowed)
    {
        await _cluster.ObserveLeadersAsync(topic).ConfigureAwait(false);
        Judge(new LeadersMovedChecker(topic, lostBroker, allowed), $"a leader among brokers {string.Join(", ", allowed)} for every partition broker {lostBroker} led",
            _ => VerdictCategory.ClusterNotRecovered);
    }

    /// <summary>No partition of the topic is led by the broker now.</summary>
    public async Task NotLedByAsync(string topic, int broker)
    {
        await _cluster.ObserveLeadersAsync(topic).ConfigureAwait(false);
        Judge(new NotLedByChecker(topic, broker), $"no partition led by broker {broker}", _ => VerdictCategory.LeadershipNotAsExpected);
    }

    /// <summary>The cluster recorded no leadership change of the topic during the scenario.</summary>
    public void NoLeaderChange(string topic) =>
        Judge(new LeaderChangeChecker(new LeaderChangeExpectation(topic, NoChange: true)), "no leader change", _ => VerdictCategory.LeadershipNotAsExpected);

    /// <summary>The broker is listed in the metadata again within the bound.</summary>
    public async Task BrokerBackWithinAsync(int broker, TimeSpan bound)
    {
        await _cluster.WaitUntilServingAsync(broker, bound, "broker-back").ConfigureAwait(false);
        Judge(new DeadlineChecker("broker-back"), $"within {bound.TotalSeconds:0.#} s", _ => VerdictCategory.ClusterNotRecovered);
    }

    /// <summary>
    /// Waits until <paramref name="percent"/>% of the current send is acknowledged: a moment a fault waits for, so
    /// when it comes the step returns at once (a history snapshot here would delay the fault by its cost). Judged
    /// only when the send finished short of the share, which fails the step.
    /// </summary>
    public async Task AcknowledgedShareAsync(int percent)
    {
        var fraction = percent / 100.0;
        var target = await _producers.WaitAcknowledgedAsync(fraction).ConfigureAwait(false);
        var send = _producers.CurrentSend;
        var ok = send.OkCount;
        if (ok >= target)
        {
            _scope.Say($"{ok:N0} of {send.Planned:N0} messages acknowledged ({fraction:P0} reached)");
            return;
        }
        Judge(new AcknowledgedChecker(send.StreamIds, target, "acknowledged-share"), $"at least {target:N0} ({fraction:P0}) acknowledged before the send finished",
            _ => VerdictCategory.SendsNotAcknowledged);
    }

    /// <summary>Every message of the current send has an outcome within the timeout.</summary>
    public async Task SendFinishedWithinAsync(TimeSpan timeout)
    {
        var (after, detail) = await _producers.WaitFinishedAsync(timeout).ConfigureAwait(false);
        _history.Ledger.RecordWait("send-finished", "every message with an outcome", timeout, after, detail);
        Judge(new DeadlineChecker("send-finished"), $"within {timeout.TotalSeconds:0.#} s", _ => VerdictCategory.ClusterNotRecovered);
    }

    /// <summary>The consumers read every acknowledged message within the timeout.</summary>
    public async Task CaughtUpWithinAsync(TimeSpan timeout)
    {
        await _consumers.WaitCaughtUpAsync(timeout).ConfigureAwait(false);
        Judge(new CaughtUpChecker(), $"every acknowledged message read within {timeout.TotalSeconds:0.#} s", _ => VerdictCategory.ConsumersFellBehind);
    }

    /// <summary>A measured read: N consumers read all M messages (K times over) within the timeout.</summary>
    public async Task ReadAllWithinAsync(int consumers, string group, string topic, long messages, TimeSpan timeout, int passes = 1)
    {
        var (reading, _) = await _consumers.ReadAllAsync(consumers, group, topic, messages, timeout, passes).ConfigureAwait(false);
        var what = passes == 1 ? $"{messages:N0} messages" : $"{messages:N0} messages {passes} times ({messages * passes:N0} records)";
        Judge(new ReadCountChecker(reading.Name, reading.MemberNames, messages * passes), $"{what} read within {timeout.TotalSeconds:0.#} s",
            _ => VerdictCategory.ConsumersFellBehind);
    }

    /// <summary>As <see cref="ReadAllWithinAsync"/>, with M = what the producers had acknowledged by now.</summary>
    public Task ReadAllAcknowledgedWithinAsync(int consumers, string group, string topic, TimeSpan timeout) =>
        ReadAllWithinAsync(consumers, group, topic, _history.Ledger.OkCount, timeout);

    /// <summary>
    /// Runs the checker, records the step's verdict, and fails the step exactly when it is invalid or unknown; a check
    /// whose evidence was never gathered is recorded not judged, and the step ends skipped with the reason. Public so
    /// that the scenario's other roles that state expectations (<see cref="ScenarioTransactions"/>) record theirs here
    /// too: one list of verdicts for the report.
    /// </summary>
    public StepVerdict Judge(IChecker checker, string expected, Func<Verdict, VerdictCategory> categoryOf)
    {
        var verdict = CheckerRun.Of(_history.Snapshot(), checker).Verdicts[0];
        if (verdict.Validity == Validity.NotJudged)
        {
            var notJudged = new StepVerdict(_scope.CurrentStep ?? checker.Name, expected, "not judged: " + verdict.Summary, verdict, null);
            lock (_verdicts) _verdicts.Add(notJudged);
            foreach (var (name, value) in notJudged.Shown) _scope.Report(name, value);
            _scope.NotJudged(verdict.Summary);
            return notJudged;
        }

        var category = verdict.Validity == Validity.Unknown ? VerdictCategory.VerdictUnknown : categoryOf(verdict);
        var step = new StepVerdict(_scope.CurrentStep ?? checker.Name, expected, verdict.Summary, verdict, verdict.Validity == Validity.Valid ? null : category);
        lock (_verdicts) _verdicts.Add(step);
        foreach (var (name, value) in step.Shown) _scope.Report(name, value);
        if (verdict.Examples.Count > 0) _scope.Say($"{verdict.Checker}: {verdict.Validity}, e.g. {string.Join(", ", verdict.Examples.Take(10))}");
        if (!step.Holds) throw new ScenarioVerdictException(category, FailureMessage(step), step);
        return step;
    }

    private static string FailureMessage(StepVerdict step) =>
        (step.Validity == Validity.Unknown ? $"{step.Verdict.Checker} could not decide: {step.Measured}; expected {step.Expected}" : $"{step.Measured}; expected {step.Expected}") +
        (LossCauseNames.Describe(step.Causes) is { } causes ? $"; by cause: {causes}" : "") +
        (step.Verdict.Examples.Count > 0 ? $"; e.g. {string.Join(", ", step.Verdict.Examples.Take(5))}" : "");

    private int[] PrefillStreams() => [.. _producers.Prefills.SelectMany(p => p.StreamIds)];
}
