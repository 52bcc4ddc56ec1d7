using System.Globalization;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.Reporting;

namespace KafkaResilience.Chaos.Scenario;

public sealed partial class ScenarioWorld
{
    private readonly List<Verdict> _verdicts = [];
    private string? _lastGroup;

    /// <summary>Every message of the current send ended acknowledged (none failed, none unknown).</summary>
    public void AssertAllAcknowledged()
    {
        var (sent, ok, failed, unknown, _, _) = CurrentSendCounts();
        Record(new Verdict("acknowledged", ok == _currentPlanned ? Validity.Valid : Validity.Invalid,
            $"{ok:N0} of {_currentPlanned:N0} acknowledged, {failed:N0} failed, {unknown:N0} unknown", Numbers(("sent", sent), ("acked", ok), ("failed", failed), ("unknown", unknown)), []));
        if (ok != _currentPlanned)
            throw new ScenarioVerdictException($"messages lost: only {ok:N0} of {_currentPlanned:N0} messages were acknowledged ({failed:N0} failed, {unknown:N0} unknown, {sent - ok - failed - unknown:N0} without outcome)");
    }

    /// <summary>The seed's counting interceptor: successes, failures, elapsed time.</summary>
    public void AssertProducerCounted(long successes, long failures)
    {
        var (_, ok, failed, unknown, first, last) = CurrentSendCounts();
        var elapsed = (last - first) ?? TimeSpan.Zero;
        Say(string.Create(CultureInfo.InvariantCulture, $"Interceptor: success={ok}, failure={failed + unknown}, elapsed={elapsed.TotalMilliseconds:0} ms"));
        if (ok != successes || failed + unknown != failures)
            throw new ScenarioVerdictException($"messages lost: the producer counted {ok:N0} successes and {failed + unknown:N0} failures, expected {successes:N0} and {failures:N0}");
    }

    public void AssertProducerRateAtLeast(double floor)
    {
        var rate = ProducerRate();
        Say($"Producer rate: {rate:N0} msg/s (floor {floor:N0})");
        Record(new Verdict("producer-rate", rate >= floor ? Validity.Valid : Validity.Invalid, $"{rate:N0} msg/s, floor {floor:N0}", Numbers(("rate", rate), ("floor", floor)), []));
        if (rate < floor)
            throw new ScenarioVerdictException($"throughput below floor: the producer sent {rate:N0} msg/s, below the floor of {floor:N0} msg/s");
    }

    /// <summary>A latency percentile ("p50", "p95", "p99", "p99.9", "max", "average") compared with a bound in ms.</summary>
    public void AssertProducerLatency(string percentile, bool atMost, double milliseconds)
    {
        var latency = Ledger.Snapshot().AckLatency;
        var value = percentile.ToLowerInvariant() switch
        {
            "p50" => latency.P50Ms,
            "p95" => latency.P95Ms,
            "p99" => latency.P99Ms,
            "p99.9" or "p999" => latency.P999Ms,
            "max" => latency.MaxMs,
            "average" or "avg" or "mean" => latency.MeanMs,
            _ => throw new ArgumentException($"'{percentile}' is not a latency measure; use p50, p95, p99, p99.9, max or average."),
        };
        var holds = atMost ? value <= milliseconds : value >= milliseconds;
        Say($"Producer {percentile} latency: {value:0.###} ms (expected {(atMost ? "at most" : "at least")} {milliseconds:0.###} ms)");
        Record(new Verdict($"producer-{percentile}-latency", holds ? Validity.Valid : Validity.Invalid, $"{value:0.###} ms", Numbers(("ms", value), ("bound-ms", milliseconds)), []));
        if (!holds)
            throw new ScenarioVerdictException(atMost
                ? $"latency above ceiling: the producer's {percentile} latency was {value:0.###} ms, above {milliseconds:0.###} ms"
                : $"latency above ceiling: the producer's {percentile} latency was {value:0.###} ms, expected at least {milliseconds:0.###} ms");
    }

    public void AssertConsumerRateAtLeast(double floor)
    {
        var group = LastGroup();
        var (count, seconds, _) = GroupTotals(group);
        var rate = Rate(count, seconds);
        Say($"Consumer rate of group \"{group}\": {count:N0} messages in {seconds:0.000} s = {rate:N0} msg/s (floor {floor:N0})");
        Record(new Verdict("consumer-rate", rate >= floor ? Validity.Valid : Validity.Invalid, $"{rate:N0} msg/s, floor {floor:N0}", Numbers(("rate", rate), ("floor", floor)), []));
        if (rate < floor)
            throw new ScenarioVerdictException($"throughput below floor: group \"{group}\" read {rate:N0} msg/s, below the floor of {floor:N0} msg/s");
    }

    public void AssertGroupRateRatio(string faster, string slower, double ratio)
    {
        var (c1, s1, _) = GroupTotals(faster);
        var (c2, s2, _) = GroupTotals(slower);
        var r1 = Rate(c1, s1);
        var r2 = Rate(c2, s2);
        var measured = r2 > 0 ? r1 / r2 : double.PositiveInfinity;
        Say($"Group \"{faster}\" {r1:N0} msg/s vs group \"{slower}\" {r2:N0} msg/s: ratio {measured:0.00} (at most {ratio:0.00})");
        Record(new Verdict("consumer-rate-ratio", measured <= ratio ? Validity.Valid : Validity.Invalid,
            $"group \"{faster}\" {r1:N0} msg/s / group \"{slower}\" {r2:N0} msg/s = {measured:0.00}, at most {ratio:0.00}",
            Numbers(("rate", r1), ("baseline-rate", r2), ("ratio", measured), ("bound", ratio)), []));
        if (measured > ratio)
            throw new ScenarioVerdictException($"throughput below floor: group \"{faster}\" read {measured:0.00} times as fast as group \"{slower}\", more than {ratio:0.00}: the consumers beyond the partition count added throughput");
    }

    /// <summary>Exactly <paramref name="idle"/> members of the group (the last one used when null) read nothing.</summary>
    public void AssertIdleConsumers(int idle, string? group = null, bool othersReceived = false)
    {
        group ??= LastGroup();
        var members = Group(group).Members;
        var lines = members.Select(m => $"{m.Name}: {m.ConsumedCount:N0}").ToList();
        var idleCount = members.Count(m => m.ConsumedCount == 0);
        Say($"Group \"{group}\" per consumer: {string.Join(", ", lines)}");
        if (members.Count <= idle && idle > 0)
            throw new ScenarioVerdictException($"consumer stalled: expected {idle} idle consumer(s) beside busy ones, but group \"{group}\" has only {members.Count} consumer(s) ({string.Join(", ", lines)})");
        if (idleCount != idle)
            throw new ScenarioVerdictException($"consumer stalled: expected exactly {idle} consumer(s) of group \"{group}\" to receive nothing, but {idleCount} did ({string.Join(", ", lines)})");
        if (othersReceived && idleCount == members.Count)
            throw new ScenarioVerdictException($"consumer stalled: no consumer of group \"{group}\" received anything");
    }

    /// <summary>Every member of the group (the last one used when null) received at least one message.</summary>
    public void AssertEveryConsumerReceived(string? group = null)
    {
        group ??= LastGroup();
        var members = Group(group).Members;
        var lines = members.Select(m => $"{m.Name}: {m.ConsumedCount:N0}").ToList();
        Say($"Group \"{group}\" per consumer: {string.Join(", ", lines)}");
        var idle = members.Where(m => m.ConsumedCount == 0).Select(m => m.Name).ToList();
        if (idle.Count > 0)
            throw new ScenarioVerdictException($"consumer stalled: {string.Join(", ", idle)} of group \"{group}\" received nothing ({string.Join(", ", lines)})");
    }

    public void AssertNothingLost()
    {
        var verdict = Judge(new LostChecker());
        if (verdict.Validity == Validity.Invalid) throw new ScenarioVerdictException($"messages lost: {verdict.Summary}; e.g. {string.Join(", ", verdict.Examples)}");
        if (verdict.Validity == Validity.Unknown) throw new ScenarioVerdictException($"verdict unknown: {verdict.Summary}");
    }

    public void AssertOrderKept()
    {
        var verdict = Judge(new ReorderChecker());
        if (verdict.Validity == Validity.Invalid) throw new ScenarioVerdictException($"messages reordered: {verdict.Summary}; e.g. {string.Join(", ", verdict.Examples)}");
        if (verdict.Validity == Validity.Unknown) throw new ScenarioVerdictException($"verdict unknown: {verdict.Summary}");
    }

    /// <summary>
    /// A count a delivery row states: "lost messages", "messages written twice", "messages out of order",
    /// "failed sends", "messages the consumers never processed", "messages delivered twice". The exact
    /// number is always reported; it is asserted only when the row expects a number.
    /// </summary>
    public void AssertCount(string what, CountExpectation expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var history = Ledger.Snapshot(Cluster.LeadershipChanges);
        var lost = new LostChecker().Check(history);
        var (sent, ok, failed, unknown, _, _) = CurrentSendCounts();
        var unread = (long)lost.Numbers["unknown-not-read"];
        (long Count, string Detail, string Prefix) measured = what switch
        {
            "lost messages" or "messages the consumers never processed" =>
                ((long)lost.Numbers["lost"], $"{lost.Numbers["lost"]:N0} acknowledged and never read; besides, {lost.Numbers["below-log-start"]:N0} were below the log-start offset when read (dropped by the target's retention), {unread:N0} sends with an unknown outcome (acks=0, timeouts) were never read and {history.TotalFailed:N0} failed", "messages lost:"),
            "messages written twice" => (history.WrittenTwice, $"{history.WrittenTwice:N0} records written twice by the producer (same id, two offsets)", "messages duplicated:"),
            "messages delivered twice" => (history.DeliveredTwice, $"{history.DeliveredTwice:N0} records delivered twice to the consumers (same offset read again)", "messages duplicated:"),
            "messages out of order" => (history.Reordered, $"{history.Reordered:N0} records read after a later one of their stream in the same partition", "messages reordered:"),
            "failed sends" => (failed + unknown, $"{failed:N0} failed and {unknown:N0} with an unknown outcome of {sent:N0} sent ({ok:N0} acknowledged)", "messages lost:"),
            _ => throw new ArgumentException($"'{what}' is not a count the suite measures; use: lost messages, messages written twice, messages delivered twice, messages out of order, failed sends, messages the consumers never processed."),
        };
        var holds = expected.IsReported || measured.Count == expected.Exactly;
        Say($"The number of {what}: {measured.Count:N0} ({measured.Detail}); expected {expected}");
        Record(new Verdict(what, holds ? Validity.Valid : Validity.Invalid, $"{measured.Count:N0}: {measured.Detail} (expected {expected})",
            Numbers(("count", measured.Count), ("unknown-not-read", unread)), []));
        if (!holds)
            throw new ScenarioVerdictException($"{measured.Prefix} the number of {what} is {measured.Count:N0}, expected {expected} ({measured.Detail})");
    }

    /// <summary>
    /// How long the producer stalled: the longest time without any acknowledgement while sends were
    /// outstanding, and, after the first fault, the time to the first acknowledgement on each partition
    /// the faulted broker led (other partitions keep acking and would hide that stall). The larger is judged.
    /// </summary>
    public void AssertProducerStallAtMost(TimeSpan bound)
    {
        var history = Ledger.Snapshot(Cluster.LeadershipChanges);
        var stalls = StallChecker.Stalls(history, StallSide.Producer);
        var longest = stalls.Count == 0 ? TimeSpan.Zero : stalls.Max(s => s.Duration);
        var fault = history.Faults.FirstOrDefault();
        var detail = "";
        var worst = longest;
        if (fault is not null)
        {
            var led = PartitionsLedBy(fault.Description);
            var perPartition = led.Select(p => (p, at: fault.FirstAckAfterOn(p))).ToList();
            detail = "; after '" + fault.Name + "': " + (perPartition.Count == 0
                ? (fault.FirstAckAfter is { } a ? $"first ack after {(a - fault.InjectedAt).TotalSeconds:0.000} s" : "no ack after it")
                : string.Join(", ", perPartition.Select(x => x.at is { } at
                    ? $"partition {x.p} acked again after {(at - fault.InjectedAt).TotalSeconds:0.000} s"
                    : $"partition {x.p} never acked again")));
            foreach (var (_, at) in perPartition)
                worst = at is { } t ? (t - fault.InjectedAt > worst ? t - fault.InjectedAt : worst) : TimeSpan.MaxValue;
        }
        Say($"Producer stall: longest without any ack {longest.TotalSeconds:0.0} s{detail} (bound {bound.TotalSeconds:0.#} s)");
        Record(new Verdict("producer-stall", worst <= bound ? Validity.Valid : Validity.Invalid,
            $"longest {longest.TotalSeconds:0.0} s{detail}", Numbers(("longest-seconds", longest.TotalSeconds), ("judged-seconds", worst == TimeSpan.MaxValue ? -1 : worst.TotalSeconds), ("bound-seconds", bound.TotalSeconds)), []));
        if (worst > bound)
            throw new ScenarioVerdictException($"throughput below floor: the producer stalled for {(worst == TimeSpan.MaxValue ? "the rest of the run" : $"{worst.TotalSeconds:0.0} s")}, longer than {bound.TotalSeconds:0.#} s{detail}");
    }

    /// <summary>Partitions (of any topic) the brokers named in a fault mark's description ("106" or "105,108") led before the first fault.</summary>
    private List<int> PartitionsLedBy(string brokers)
    {
        var ids = brokers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(b => int.TryParse(b, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : -1).Where(id => id >= 0).ToHashSet();
        lock (_leadersBeforeFaults)
            return [.. _leadersBeforeFaults.Values.SelectMany(l => l).Where(l => l.Value is { } b && ids.Contains(b)).Select(l => l.Key).Distinct().Order()];
    }

    /// <summary>
    /// After the first fault, every partition the faulted broker led was read from again within the bound
    /// (the seed's consumers never resumed: that is detected and timed here, not hidden).
    /// </summary>
    public void AssertConsumersResumedWithin(TimeSpan bound)
    {
        var history = Ledger.Snapshot(Cluster.LeadershipChanges);
        var fault = history.Faults.FirstOrDefault() ?? throw new InvalidOperationException("No fault was injected, so there is nothing to resume from.");
        var stalls = StallChecker.Stalls(history, StallSide.Consumer);
        var longest = stalls.Count == 0 ? TimeSpan.Zero : stalls.Max(s => s.Duration);
        List<int> partitions;
        lock (_topics) partitions = [.. Enumerable.Range(0, _topics.Count == 0 ? 0 : _topics.Max(t => t.Partitions))];
        var perPartition = partitions.Select(p => (p, at: fault.FirstConsumeAfterOn(p))).ToList();
        var never = perPartition.Where(x => x.at is null).Select(x => x.p).ToList();
        var slowest = perPartition.Where(x => x.at is not null).Select(x => x.at!.Value - fault.InjectedAt).DefaultIfEmpty(TimeSpan.Zero).Max();
        Say($"Consumers after '{fault.Name}': " + string.Join(", ", perPartition.Select(x => $"partition {x.p} {(x.at is { } a ? $"read again after {(a - fault.InjectedAt).TotalSeconds:0.000} s" : "never read again")}")) +
            $"; longest consumer stall {longest.TotalSeconds:0.0} s{(stalls.Any(s => !s.Ended) ? " (still stalled at the end)" : "")}");
        Record(new StallChecker(StallSide.Consumer, bound).Check(history));
        if (never.Count > 0)
            throw new ScenarioVerdictException($"consumer stalled: after '{fault.Name}' the consumers never read partition(s) {string.Join(", ", never)} again (longest stall {longest.TotalSeconds:0.0} s)");
        if (slowest > bound)
            throw new ScenarioVerdictException($"consumer stalled: the consumers resumed {slowest.TotalSeconds:0.0} s after '{fault.Name}', later than {bound.TotalSeconds:0.#} s");
    }

    /// <summary>How many of the messages written before the group joined (the prefill) and after it (the current send) it read.</summary>
    public void AssertReadBeforeAndAfter(string group, long? before, bool allAfter)
    {
        _ = Group(group);
        var history = Ledger.Snapshot();
        long Read(Func<ProducerStreamSummary, bool> which, out long total)
        {
            long read = 0, sum = 0;
            foreach (var p in history.Producers.Where(which))
            {
                sum += p.Sent;
                for (long s = 0; s < p.Sent; s++) if (history.WasConsumed(p.Id, s)) read++;
            }
            total = sum;
            return read;
        }
        var readBefore = Read(p => p.Name.StartsWith("prefill-", StringComparison.Ordinal), out var writtenBefore);
        var readAfter = Read(p => p.Name.StartsWith($"send{_sends}", StringComparison.Ordinal), out var writtenAfter);
        Say($"Group \"{group}\" read {readBefore:N0} of the {writtenBefore:N0} messages written before it joined and {readAfter:N0} of the {writtenAfter:N0} written after");
        if (before is { } expected && readBefore != expected)
            throw new ScenarioVerdictException($"messages lost: group \"{group}\" read {readBefore:N0} of the messages written before it joined, expected {expected:N0}");
        if (allAfter && readAfter != writtenAfter)
            throw new ScenarioVerdictException($"messages lost: group \"{group}\" read only {readAfter:N0} of the {writtenAfter:N0} messages written after it joined");
    }

    private Verdict Judge(IChecker checker)
    {
        var run = CheckerRun.Of(Ledger.Snapshot(Cluster.LeadershipChanges), checker);
        var verdict = run.Verdicts[0];
        Record(verdict);
        Say(verdict.ToString());
        return verdict;
    }

    private void Record(Verdict verdict)
    {
        lock (_verdicts) _verdicts.Add(verdict);
    }

    private string LastGroup() => _lastGroup ?? _groups.Keys.LastOrDefault()
        ?? throw new InvalidOperationException("No consumer group read anything in this scenario.");

    private (long Sent, long Ok, long Failed, long Unknown, TimeSpan? First, TimeSpan? Last) CurrentSendCounts()
    {
        var prefix = $"send{_sends}";
        var streams = Ledger.Snapshot().Producers.Where(p => p.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (streams.Count == 0) throw new InvalidOperationException("Nothing was sent in this scenario.");
        return (streams.Sum(s => s.Sent), streams.Sum(s => s.Ok), streams.Sum(s => s.Failed), streams.Sum(s => s.Unknown),
            streams.Where(s => s.FirstSendAt is not null).Select(s => s.FirstSendAt).Min(),
            streams.Select(s => s.LastOutcomeAt ?? s.LastSendAt).Max());
    }

    /// <summary>Acknowledged messages of the current send per second, first send to last outcome.</summary>
    private double ProducerRate()
    {
        var (_, ok, _, _, first, last) = CurrentSendCounts();
        return first is { } f && last is { } l && l > f ? ok / (l - f).TotalSeconds : 0;
    }

    private string ProducerPerfLine() => PerfReport.ProducerLine(Ledger.Snapshot());

    private static IReadOnlyDictionary<string, double> Numbers(params (string Key, double Value)[] numbers) =>
        numbers.ToDictionary(n => n.Key, n => n.Value);
}
