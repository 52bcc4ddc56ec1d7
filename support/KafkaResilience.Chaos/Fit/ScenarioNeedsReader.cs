using System.Globalization;
using System.Text.RegularExpressions;
using KafkaResilience.Chaos.Targets;
using KafkaResilience.Chaos.Vocabulary;
using KafkaResilience.Gherkin;

namespace KafkaResilience.Chaos.Fit;

/// <summary>
/// Reads <see cref="ScenarioNeeds"/> from the text of a scenario row's steps (backgrounds included, outline values
/// substituted: what the runner knows before the row starts), in the words of the step vocabulary (steps/README.md).
/// A step it does not know needs nothing; a value it cannot read is left to the step itself to refuse. Pure.
/// </summary>
public static partial class ScenarioNeedsReader
{
    /// <summary>
    /// How long a crashed consumer's partitions stay unread at least: the group notices the crash only after the
    /// consumers' session timeout (the workload's default, 6 s), then the time the scenario lets pass before the restart.
    /// </summary>
    public static readonly TimeSpan CrashedConsumerSession = Workloads.Consuming.ConsumerWorkload.DefaultSessionTimeout;

    public static ScenarioNeeds Read(IReadOnlyList<string> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var topics = new Dictionary<string, int>(StringComparer.Ordinal);
        var sends = new List<NeededSend>();
        var prefills = new List<NeededSend>();
        var lateReads = new List<LateRead>();
        var rates = new List<StatedRate>();
        var gaps = new List<ReaderGap>();
        var readers = new List<string>(); // topic references groups are reading (while producers write)
        TimeSpan? detection = null;
        (int Step, TimeSpan Passed)? crash = null;

        for (var i = 0; i < steps.Count; i++)
        {
            var text = steps[i].Trim();
            Match m;
            if ((m = Cluster().Match(text)).Success)
            {
                if (m.Groups["d"].Success && DurationParser.TryParse(m.Groups["d"].Value, out var d)) detection = d;
            }
            else if ((m = Topic().Match(text)).Success)
            {
                if (Int(m, "p") is { } p) topics[m.Groups["t"].Value] = p;
            }
            else if ((m = ManyTopics().Match(text)).Success)
            {
                if (Int(m, "n") is { } n && Int(m, "p") is { } p && n is > 0 and <= 10_000)
                    for (var t = 1; t <= n; t++) topics[m.Groups["prefix"].Value + t.ToString(CultureInfo.InvariantCulture)] = p;
            }
            else if ((m = Reading().Match(text)).Success)
            {
                readers.Add(m.Groups["t"].Value);
            }
            else if ((m = Send().Match(text)).Success)
            {
                if (Batch(m) is not { } batch || Pace(m) is not { } pace) continue;
                var topic = m.Groups["t"].Value;
                double? rate = pace.IsUnthrottled ? null : pace.RatePerSecond;
                sends.Add(new NeededSend(i, topic, batch.Count, batch.Size, rate, readers.Any(r => ScenarioNeeds.SameTopics(r, topic))));
                if (rate is { } r) rates.Add(new StatedRate(i, RateKind.SendPace, r));
            }
            else if ((m = Prefill().Match(text)).Success)
            {
                if (Batch(m) is { } batch) prefills.Add(new NeededSend(i, m.Groups["t"].Value, batch.Count, batch.Size, null, false));
            }
            else if ((m = LateGroup().Match(text)).Success)
            {
                lateReads.Add(new LateRead(i, m.Groups["t"].Value, m.Groups["g"].Value));
            }
            else if ((m = ProducerFloor().Match(text)).Success)
            {
                if (Number(m, "f") is { } f) rates.Add(new StatedRate(i, RateKind.ProducerFloor, f));
            }
            else if ((m = ConsumerFloor().Match(text)).Success)
            {
                if (Number(m, "f") is { } f) rates.Add(new StatedRate(i, RateKind.ConsumerFloor, f));
            }
            else if (Gap(i, text) is { } gap)
            {
                gaps.Add(gap);
            }
            else if (ConsumerCrash().IsMatch(text))
            {
                crash = (i, TimeSpan.Zero);
            }
            else if ((m = TimePasses().Match(text)).Success)
            {
                if (crash is { } c && DurationParser.TryParse(m.Groups["d"].Value, out var passed)) crash = (c.Step, c.Passed + passed);
            }
            else if (ConsumerRestart().IsMatch(text) && crash is { } c)
            {
                gaps.Add(new ReaderGap(c.Step, "a consumer crashes and is restarted", GapKind.WholeDuration, CrashedConsumerSession + c.Passed));
                crash = null;
            }
        }
        if (crash is { } open)
            gaps.Add(new ReaderGap(open.Step, "a consumer crashes", GapKind.WholeDuration, null));

        return new ScenarioNeeds
        {
            Topics = topics,
            DetectionDelay = detection,
            Sends = sends,
            Prefills = prefills,
            LateReads = lateReads,
            Rates = rates,
            Gaps = gaps,
        };
    }

    /// <summary>The fault steps of the vocabulary, and how each keeps readers from a partition.</summary>
    private static ReaderGap? Gap(int step, string text)
    {
        Match m;
        if ((m = Killed().Match(text)).Success)
            return new ReaderGap(step, text, GapKind.LostBroker, null);
        if ((m = Paused().Match(text)).Success || (m = CutOff().Match(text)).Success)
            return Duration(m) is { } d ? new ReaderGap(step, text, GapKind.LostBroker, d) : null;
        if ((m = Latency().Match(text)).Success || (m = Reset().Match(text)).Success || (m = HeldBack().Match(text)).Success)
            return Duration(m) is { } d ? new ReaderGap(step, text, GapKind.WholeDuration, d) : null;
        if ((m = Capped().Match(text)).Success)
        {
            if (Number(m, "k") is not { } kilobytes) return null;
            var duration = m.Groups["d"].Success ? Duration(m) : null;
            if (m.Groups["d"].Success && duration is null) return null;
            return new ReaderGap(step, text, GapKind.BandwidthCap, duration, kilobytes * 1024);
        }
        // No gap: a clean stop and a rolling restart hand leadership over before the broker goes, and a bounce starts the
        // broker again as soon as clients no longer see it (its producer stall measured 0.0 s at 100,000 msg/s, 2026-11-29).
        return null;
    }

    private static MessageBatch? Batch(Match m)
    {
        try { return StepValues.Batch(m.Groups["batch"].Value); }
        catch (FormatException) { return null; }
    }

    private static SendPace? Pace(Match m)
    {
        try { return StepValues.Pace(m.Groups["pace"].Value); }
        catch (FormatException) { return null; }
    }

    private static TimeSpan? Duration(Match m) => DurationParser.TryParse(m.Groups["d"].Value, out var d) ? d : null;

    private static int? Int(Match m, string group) =>
        int.TryParse(m.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static double? Number(Match m, string group) =>
        double.TryParse(m.Groups[group].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    private const string Broker = "(?<b>" + BrokerTargetParser.Pattern + ")";

    [GeneratedRegex(@"^a cluster of brokers (?:" + StepValues.BrokerIdsPattern + @")(?: that moves leadership off a lost broker after (?<d>.+))?$")]
    private static partial Regex Cluster();

    [GeneratedRegex(@"^a topic ""(?<t>[^""]+)"" with (?<p>\d+) partitions? and replication factor \d+$")]
    private static partial Regex Topic();

    [GeneratedRegex(@"^(?<n>\d+) topics named ""(?<prefix>[^""]*?)1"" to ""[^""]*"", each with (?<p>\d+) partitions? and replication factor \d+$")]
    private static partial Regex ManyTopics();

    [GeneratedRegex(@"^(?:\d+|a)(?: read_committed| read_uncommitted)? consumers? in group ""[^""]+"" (?:is|are) reading ""(?<t>[^""]+)""(?:, committing .+)?$")]
    private static partial Regex Reading();

    [GeneratedRegex(@"^(?:a transactional producer|" + StepValues.ProducersPattern + @") sends? (?<batch>" + StepValues.BatchPattern + @") to ""(?<t>[^""]+)"" (?<pace>" + StepValues.PacePattern + ")$")]
    private static partial Regex Send();

    [GeneratedRegex(@"^(?<batch>" + StepValues.BatchPattern + @") (?:have|has) been written to ""(?<t>[^""]+)""$")]
    private static partial Regex Prefill();

    [GeneratedRegex(@"^\d+ consumers? in group ""(?<g>[^""]+)"" reads? all acknowledged messages of ""(?<t>[^""]+)"" within \d+ seconds$")]
    private static partial Regex LateGroup();

    [GeneratedRegex(@"^the producers? sent at least (?<f>[\d,.]+) messages per second$")]
    private static partial Regex ProducerFloor();

    [GeneratedRegex(@"^the consumers read at least (?<f>[\d,.]+) messages per second$")]
    private static partial Regex ConsumerFloor();

    [GeneratedRegex("^" + Broker + " is killed$")]
    private static partial Regex Killed();

    [GeneratedRegex("^" + Broker + " is paused for (?<d>.+)$")]
    private static partial Regex Paused();

    [GeneratedRegex("^" + Broker + " is cut off from its clients for (?<d>.+)$")]
    private static partial Regex CutOff();

    [GeneratedRegex("^the connections to " + Broker + @" get \d+ ms of latency(?: with \d+ ms of jitter)? for (?<d>.+)$")]
    private static partial Regex Latency();

    [GeneratedRegex("^the connections to " + Broker + @" are capped at (?<k>\d+) KB per second(?: for (?<d>.+))?$")]
    private static partial Regex Capped();

    [GeneratedRegex("^the connections to " + Broker + " are reset for (?<d>.+)$")]
    private static partial Regex Reset();

    [GeneratedRegex("^the responses of " + Broker + " are held back for (?<d>.+)$")]
    private static partial Regex HeldBack();

    [GeneratedRegex(@"^consumer \d+ of group ""[^""]+"" crashes$")]
    private static partial Regex ConsumerCrash();

    [GeneratedRegex(@"^consumer \d+ of group ""[^""]+"" is restarted$")]
    private static partial Regex ConsumerRestart();

    [GeneratedRegex(@"^(?<d>.+) (?:has|have) passed$")]
    private static partial Regex TimePasses();
}
