using KafkaResilience.Reporting.Allure;

namespace KafkaResilience.Reporting;

/// <summary>
/// The wording that checker verdicts and the runner use when something does not hold, and the Allure
/// categories (<c>categories.json</c>) built on it. Checkers start a failing verdict's message with one of
/// these prefixes (e.g. <c>"messages lost: 12 acknowledged records were never consumed"</c>) so the report
/// groups it, and so a failure carrying it counts as a product defect ("failed"), not a suite defect ("broken").
/// </summary>
public static class ReportCategories
{
    /// <summary>Acknowledged by the cluster but never consumed.</summary>
    public const string LostMessagePrefix = "messages lost:";

    /// <summary>Consumed more than once where the configuration promises once.</summary>
    public const string DuplicatedMessagePrefix = "messages duplicated:";

    /// <summary>Consumed out of send order within a partition.</summary>
    public const string ReorderedMessagePrefix = "messages reordered:";

    /// <summary>Measured throughput under the scenario's floor.</summary>
    public const string ThroughputBelowFloorPrefix = "throughput below floor:";

    /// <summary>Measured latency percentile over the scenario's ceiling.</summary>
    public const string LatencyAboveCeilingPrefix = "latency above ceiling:";

    /// <summary>The cluster did not get back to health (leaders, ISR, brokers) within its recovery timeout.</summary>
    public const string ClusterNotRecoveredPrefix = "cluster did not recover:";

    /// <summary>A consumer stopped making progress while records were waiting.</summary>
    public const string ConsumerStalledPrefix = "consumer stalled:";

    /// <summary>A checker could not decide (it crashed or lacked data): never read as valid.</summary>
    public const string VerdictUnknownPrefix = "verdict unknown:";

    /// <summary>No binding matches a step's text.</summary>
    public const string UndefinedStepPrefix = "undefined step:";

    /// <summary>A binding says it is not implemented yet.</summary>
    public const string PendingStepPrefix = "pending step:";

    /// <summary>More than one binding matches a step's text.</summary>
    public const string AmbiguousStepPrefix = "ambiguous step:";

    /// <summary>Prefixes whose presence makes a failure a checker verdict (a product defect).</summary>
    public static IReadOnlyList<string> VerdictPrefixes { get; } =
    [
        LostMessagePrefix,
        DuplicatedMessagePrefix,
        ReorderedMessagePrefix,
        ThroughputBelowFloorPrefix,
        LatencyAboveCeilingPrefix,
        ClusterNotRecoveredPrefix,
        ConsumerStalledPrefix,
    ];

    /// <summary>
    /// The workloads' checker names (<c>Verdict.Checker</c>) as regex fragments, per verdict prefix: a message
    /// line <c>"lost: Invalid - ..."</c> (the form of <c>Verdict.ToString()</c>) counts as <c>"messages lost:"</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> CheckerNamePatterns { get; } = new Dictionary<string, string>
    {
        [LostMessagePrefix] = "lost",
        [DuplicatedMessagePrefix] = "duplicates",
        [ReorderedMessagePrefix] = "order",
        [ThroughputBelowFloorPrefix] = "throughput-[a-z]+|producer-stall",
        [LatencyAboveCeilingPrefix] = "ack-latency|end-to-end-latency",
        [ClusterNotRecoveredPrefix] = "recovery|leader-changes",
        [ConsumerStalledPrefix] = "consumer-stall",
    };

    /// <summary>
    /// True when a line of <paramref name="message"/> starts with a checker verdict prefix, or reads
    /// <c>"&lt;checker&gt;: Invalid"</c> for a known checker name (see <see cref="CheckerNamePatterns"/>).
    /// </summary>
    public static bool IsCheckerVerdict(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return false;
        }

        return VerdictPrefixes.Any(p => System.Text.RegularExpressions.Regex.IsMatch(message, "^(?:" + MessageRegexFor(p) + ")$"));
    }

    /// <summary>
    /// The categories written to <c>categories.json</c>, most specific first (Allure puts a result in the first that matches).
    /// Each regex must match the whole message (Java <c>matches</c>), case-insensitively, across lines.
    /// </summary>
    public static IReadOnlyList<AllureCategory> Categories() =>
    [
        Verdict("Messages lost", LostMessagePrefix, "Acknowledged records that no consumer ever read."),
        Verdict("Messages duplicated", DuplicatedMessagePrefix, "Records read more than once where the settings promise once."),
        Verdict("Messages reordered", ReorderedMessagePrefix, "Records read out of send order within a partition."),
        Verdict("Throughput below floor", ThroughputBelowFloorPrefix, "Measured rate under the scenario's floor."),
        Verdict("Latency above ceiling", LatencyAboveCeilingPrefix, "Measured latency percentile over the scenario's ceiling."),
        Verdict("Cluster did not recover", ClusterNotRecoveredPrefix, "Brokers, leaders or ISR not back to health in time."),
        Verdict("Consumer stalled", ConsumerStalledPrefix, "A consumer made no progress while records were waiting."),
        new AllureCategory("Checker could not decide", [AllureStatus.Failed, AllureStatus.Broken],
            "(?si)(?:.*" + Escape(VerdictUnknownPrefix) + ".*|(?:.*[^a-z0-9-])?[a-z][a-z-]*: unknown - .*|.*checker crashed:.*)",
            "A checker crashed or lacked data; the verdict is unknown, never valid."),
        new AllureCategory("Undefined step", [AllureStatus.Broken, AllureStatus.Failed], ContainsPrefix(UndefinedStepPrefix),
            "A step whose text no binding matches: write the binding or fix the text."),
        new AllureCategory("Pending step", [AllureStatus.Skipped, AllureStatus.Broken, AllureStatus.Failed], ContainsPrefix(PendingStepPrefix),
            "A step whose binding is not implemented yet."),
        new AllureCategory("Suite defect (broken)", [AllureStatus.Broken], null,
            "The suite itself went wrong (an exception that is not a check): fix the suite, not Kafka."),
    ];

    /// <summary>A whole-message regex (Java and .NET alike) that holds when the message contains <paramref name="prefix"/>.</summary>
    public static string ContainsPrefix(string prefix) => "(?si).*" + Escape(prefix) + ".*";

    /// <summary>The whole-message regex of a verdict prefix: the prefix anywhere, or its checkers' "name: Invalid".</summary>
    public static string MessageRegexFor(string verdictPrefix) =>
        "(?si)(?:.*" + Escape(verdictPrefix) + ".*|(?:.*[^a-z0-9-])?(?:" + CheckerNamePatterns[verdictPrefix] + "): invalid.*)";

    private static AllureCategory Verdict(string name, string prefix, string description) =>
        new(name, [AllureStatus.Failed], MessageRegexFor(prefix), description);

    // Both engines read a backslash before a non-letter as that literal character; letters, digits,
    // spaces and ':' need no escape, so only regex punctuation is escaped.
    private static string Escape(string literal) =>
        string.Concat(literal.Select(c => char.IsLetterOrDigit(c) || c is ' ' or ':' or '_' or '-' ? c.ToString() : "\\" + c));
}
