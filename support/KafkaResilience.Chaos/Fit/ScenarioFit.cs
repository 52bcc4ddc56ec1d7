using System.Globalization;
using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Fit;

/// <summary>
/// Decides, before a row starts, whether its target can judge it honestly (issue 13), from the row's
/// <see cref="ScenarioNeeds"/> and the target's <see cref="CapabilityLimits"/>. A target without limits (docker,
/// external) runs everything. On a target that keeps a bounded window per partition (the embedded mock):
/// <list type="bullet">
/// <item>records written first and read afterwards must all fit the window, or the row is skipped;</item>
/// <item>a group that starts after a send and must read all of it needs the whole send kept: where it does not
/// fit, that step alone is skipped, the rest of the row keeps its verdict;</item>
/// <item>a send larger than the window, read while it is sent, needs its readers never to fall further behind than
/// the window holds: that needs a stated pace (at "as fast as it can" the readers would have to hold whatever the
/// producers reach), a window of at least <see cref="HealthyReaderLag"/>, and no fault that keeps them from a
/// partition for longer than the window holds beyond that lag.</item>
/// </list>
/// On a target inside the test process, a floor or pace above <see cref="JudgedShareOfInProcessRate"/> of the rate a
/// producer alone reached into it judges that target and the machine, not Kafka: the row is skipped. Every reason
/// carries its numbers. Pure.
/// </summary>
public static class ScenarioFit
{
    /// <summary>Per-record bytes assumed beyond the payload (record and batch headers) when estimating what a partition must keep.</summary>
    public const int RecordOverheadBytes = 20;

    /// <summary>
    /// The share of an in-process target's measured producer rate up to which a stated rate is judged there. A floor
    /// near the rate the target itself reaches measures the target's one thread and the machine's load (a loaded
    /// machine takes a large share of a healthy rate away), not the client or Kafka; half of the slowest measured run
    /// leaves that room.
    /// </summary>
    public const double JudgedShareOfInProcessRate = 0.5;

    /// <summary>
    /// How far behind a healthy group reading while producers write may fall without a fault, so the smallest window
    /// (seconds of a send a partition keeps) it is trusted to keep up in, and what a fault's gap adds to. A healthy
    /// group kept up in the embedded cluster's window through faults that leave no gap (clean stops, bounces, a rolling
    /// restart), but a gap as long as this lag on top of it did not always fit, so a gap plus this lag must fit the
    /// window. The runs it rests on are in the README ("What each target can judge").
    /// </summary>
    public static readonly TimeSpan HealthyReaderLag = TimeSpan.FromSeconds(1);

    public static FitDecision Decide(ScenarioNeeds needs, CapabilityLimits limits, string targetName)
    {
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetName);
        var row = new List<string>();
        var steps = new Dictionary<int, string>();
        var facts = new List<string>();
        if (limits.InProcessProducerRate is { } inProcess) JudgeRates(needs, limits, inProcess, row, facts);
        if (limits.HasBoundedRetention) JudgeRetention(needs, limits, targetName, row, steps, facts);
        return new FitDecision(targetName, row, steps, facts);
    }

    private static void JudgeRates(ScenarioNeeds needs, CapabilityLimits limits, double inProcess, List<string> row, List<string> facts)
    {
        var judged = inProcess * JudgedShareOfInProcessRate;
        var over = needs.Rates.Where(r => r.PerSecond > judged).ToList();
        if (over.Count == 0)
        {
            if (needs.Rates.Count > 0)
                facts.Add($"stated rates up to {needs.Rates.Max(r => r.PerSecond):N0} msg/s, within the {judged:N0} msg/s judged on this target");
            return;
        }
        var what = string.Join(", ", over.Select(r => $"{Describe(r.Kind)} of {r.PerSecond:N0} msg/s"));
        row.Add($"the {what} compare{(over.Count == 1 ? "s" : "")} with the seed's 3 brokers of 4 cores each; {limits.InProcessFact}, " +
                $"so a rate above {judged:N0} msg/s (half the slowest of those) would judge that thread and this machine, not Kafka");
    }

    private static void JudgeRetention(ScenarioNeeds needs, CapabilityLimits limits, string targetName, List<string> row, Dictionary<int, string> steps, List<string> facts)
    {
        foreach (var prefill in needs.Prefills)
        {
            var partitions = needs.PartitionsOf(prefill.Topic);
            if (partitions == 0) continue;
            var perPartition = PerPartition(prefill.Messages, partitions);
            var kept = Kept(limits, prefill.Size);
            if (perPartition <= kept) continue;
            row.Add($"writing {prefill.Messages:N0} messages of {prefill.Size} B to \"{prefill.Topic}\" before it reads them needs {perPartition:N0} records " +
                    $"({Bytes(perPartition * (prefill.Size + RecordOverheadBytes))}) kept per partition; {limits.RetentionFact} ({kept:N0} such records)");
        }

        for (var s = 0; s < needs.Sends.Count; s++)
        {
            var send = needs.Sends[s];
            var partitions = needs.PartitionsOf(send.Topic);
            if (!send.ReadWhileSent || partitions == 0) continue;
            var perPartition = PerPartition(send.Messages, partitions);
            var kept = Kept(limits, send.Size);
            var volume = $"{perPartition:N0} records ({Bytes(perPartition * (send.Size + RecordOverheadBytes))}) per partition of \"{send.Topic}\"";
            if (perPartition <= kept)
            {
                facts.Add($"the send of {send.Messages:N0} messages fits the window: {volume}, {kept:N0} kept");
                continue;
            }
            if (send.Rate is not { } rate)
            {
                row.Add($"the send of {send.Messages:N0} messages to \"{send.Topic}\" runs as fast as the producers can while a group reads it: {volume}, " +
                        $"more than the {kept:N0} kept ({limits.RetentionFact}), so the readers would have to keep up with whatever rate the producers reach " +
                        $"({(limits.InProcessProducerRate is { } p ? $"{p:N0} msg/s and more into this target" : "no rate is stated")}); a reader that falls behind finds records dropped, and loss could not be judged");
                continue;
            }
            var perPartitionRate = rate / partitions;
            var window = TimeSpan.FromSeconds(kept / perPartitionRate);
            var until = s + 1 < needs.Sends.Count ? needs.Sends[s + 1].Step : int.MaxValue;
            var gaps = needs.Gaps.Where(g => g.Step > send.Step && g.Step < until)
                .Select(g => (Gap: g, Seconds: GapOf(g, needs, limits, perPartitionRate * (send.Size + RecordOverheadBytes))))
                .OrderByDescending(g => g.Seconds.Length).ToList();
            var longest = gaps.FirstOrDefault();
            facts.Add($"the send of {send.Messages:N0} messages at {rate:N0} msg/s is read while sent: {volume}, so the readers must hold {rate:N0} msg/s " +
                      $"({perPartitionRate:N0} per partition) and never fall more than {window.TotalSeconds:0.0} s behind ({kept:N0} records kept)" +
                      (longest.Gap is { } lg ? $"; the longest gap a fault makes: {longest.Seconds.Text} ({lg.Fault})" : "; no fault keeps them from a partition"));
            if (window < HealthyReaderLag)
            {
                row.Add($"the send of {send.Messages:N0} messages at {rate:N0} msg/s puts {perPartitionRate:N0} msg/s into each partition of \"{send.Topic}\" ({volume}); " +
                        $"{limits.RetentionFact} ({kept:N0} such records, {window.TotalSeconds:0.00} s of this stream), shorter than the {HealthyReaderLag.TotalSeconds:0} s a healthy reader may lag");
                continue;
            }
            foreach (var (gap, seconds) in gaps.Where(g => g.Seconds.Length > TimeSpan.Zero && (g.Seconds.Length == TimeSpan.MaxValue || g.Seconds.Length + HealthyReaderLag > window)))
            {
                row.Add($"\"{gap.Fault}\" keeps the readers from a partition for {seconds.Text}, and a healthy reader lags up to {HealthyReaderLag.TotalSeconds:0} s besides, while the send puts {perPartitionRate:N0} msg/s into each partition of \"{send.Topic}\" ({volume}); " +
                        $"{limits.RetentionFact} ({kept:N0} such records, {window.TotalSeconds:0.0} s of this stream), so records written meanwhile would be dropped before they are read and loss could not be judged");
            }
        }

        foreach (var late in needs.LateReads)
        {
            var partitions = needs.PartitionsOf(late.Topic);
            if (partitions == 0) continue;
            var written = needs.Sends.Concat(needs.Prefills).Where(w => w.Step < late.Step && ScenarioNeeds.SameTopics(w.Topic, late.Topic)).ToList();
            if (written.Count == 0) continue;
            var messages = written.Sum(w => w.Messages);
            var size = written.Max(w => w.Size);
            var perPartition = PerPartition(messages, partitions);
            var kept = Kept(limits, size);
            if (perPartition <= kept)
            {
                facts.Add($"the late group \"{late.Group}\" reads {messages:N0} messages: {perPartition:N0} records per partition, {kept:N0} kept");
                continue;
            }
            steps[late.Step] = $"not judged on the {targetName} target: the late group \"{late.Group}\" needs {messages:N0} x {size} B ({Bytes(messages * size)}) kept, " +
                               $"{perPartition:N0} records per partition of \"{late.Topic}\"; {limits.RetentionFact} ({kept:N0} such records)";
        }
    }

    /// <summary>How long a gap keeps readers from a partition, and how it is said.</summary>
    private static (TimeSpan Length, string Text) GapOf(ReaderGap gap, ScenarioNeeds needs, CapabilityLimits limits, double partitionBytesPerSecond)
    {
        var detection = needs.DetectionDelay ?? limits.DefaultDetectionDelay;
        switch (gap.Kind)
        {
            case GapKind.LostBroker:
                if (detection is { } d && (gap.Duration is null || d < gap.Duration))
                    return (d, $"{d.TotalSeconds:0.###} s (until leadership moves off the lost broker{(needs.DetectionDelay is null ? ", the target's default" : ", as the cluster step says")})");
                return gap.Duration is { } t ? (t, $"{t.TotalSeconds:0.###} s (the fault's length)") : (TimeSpan.MaxValue, "the rest of the scenario");
            case GapKind.BandwidthCap when partitionBytesPerSecond <= gap.CapBytesPerSecond:
                return (TimeSpan.Zero, $"nothing (a partition's {Bytes((long)partitionBytesPerSecond)}/s fits the cap of {Bytes((long)gap.CapBytesPerSecond)}/s)");
            default:
                return gap.Duration is { } length ? (length, $"{length.TotalSeconds:0.###} s (the fault's length)") : (TimeSpan.MaxValue, "the rest of the scenario");
        }
    }

    private static long PerPartition(long messages, int partitions) => (messages + partitions - 1) / partitions;

    /// <summary>Records of this size a partition keeps: within the byte window, and at most one per kept batch.</summary>
    private static long Kept(CapabilityLimits limits, int size)
    {
        var byBytes = limits.RetainedBytesPerPartition is { } b ? b / (size + RecordOverheadBytes) : long.MaxValue;
        return Math.Min(byBytes, limits.RetainedBatchesPerPartition ?? long.MaxValue);
    }

    private static string Describe(RateKind kind) => kind switch
    {
        RateKind.ProducerFloor => "producer floor",
        RateKind.ConsumerFloor => "consumer floor",
        _ => "send pace",
    };

    private static string Bytes(long bytes) => bytes switch
    {
        >= 1_000_000_000 => (bytes / 1e9).ToString("0.0", CultureInfo.InvariantCulture) + " GB",
        >= 1_000_000 => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        >= 1_000 => (bytes / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };
}
