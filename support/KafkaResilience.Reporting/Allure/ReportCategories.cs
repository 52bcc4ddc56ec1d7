using KafkaResilience.Reqnroll.Catalog;
using KafkaResilience.Reqnroll.Running;
using KafkaResilience.Reporting.Allure;
using KafkaResilience.Workloads.Checkers;

namespace KafkaResilience.Reporting.Allure;

/// <summary>
/// The Allure categories (<c>categories.json</c>) of a run. A failed expectation carries its
/// <see cref="VerdictCategory"/> (see <see cref="IVerdictFailure"/>); the report writes its message starting
/// with that category's prefix (<see cref="Of"/>), and <c>categories.json</c> files every message starting
/// with a prefix under its category. The category is chosen by value where the failure is raised; no
/// message is read back to guess it. The runner's own outcomes (undefined, ambiguous, pending step) and
/// suite defects have categories of their own; skipped scenarios two: rows of another run profile, and the rest.
/// </summary>
public static class ReportCategories
{
    /// <summary>No binding matches a step's text.</summary>
    public const string UndefinedStepPrefix = "undefined step:";

    /// <summary>A binding says it is not implemented yet.</summary>
    public const string PendingStepPrefix = "pending step:";

    /// <summary>More than one binding matches a step's text.</summary>
    public const string AmbiguousStepPrefix = "ambiguous step:";

    /// <summary>The category of rows skipped because they belong to another run profile.</summary>
    public const string NotInProfileTitle = "Not in this profile";

    /// <summary>The category of every other skipped scenario (the target cannot model it, @ignore).</summary>
    public const string SkippedHereTitle = "Skipped: the target cannot model it, or @ignore";

    /// <summary>Title, message prefix and meaning of every verdict category (each prefix is unique and no prefix starts another).</summary>
    public static VerdictCategoryInfo Of(VerdictCategory category) => category switch
    {
        VerdictCategory.MessagesLost => new(category, "Messages lost", "messages lost:", "Acknowledged records that no consumer ever read."),
        VerdictCategory.SendsNotAcknowledged => new(category, "Sends not acknowledged", "sends not acknowledged:",
            "Sends that failed or whose outcome is unknown where every send should be acknowledged."),
        VerdictCategory.MessagesDuplicated => new(category, "Messages duplicated", "messages duplicated:", "Records written or read more than once where the settings promise once."),
        VerdictCategory.MessagesReordered => new(category, "Messages reordered", "messages reordered:", "Records read out of send order within a partition."),
        VerdictCategory.AbortedRead => new(category, "Aborted messages read", "aborted messages read:",
            "A read_committed consumer read a message of an aborted transaction (Jepsen's G1a)."),
        VerdictCategory.TransactionReadInPart => new(category, "Transactions read in part", "transactions read in part:",
            "A read_committed consumer saw a committed transaction, or one of unknown outcome, in part."),
        VerdictCategory.ProducerNotFenced => new(category, "Producer not fenced", "producer not fenced:",
            "A producer whose transactional.id another took was not fenced, or one of its commits still went through."),
        VerdictCategory.ThroughputBelowFloor => new(category, "Throughput below floor", "throughput below floor:", "A measured rate under the scenario's floor."),
        VerdictCategory.ThroughputAboveCeiling => new(category, "Throughput above ceiling", "throughput above ceiling:",
            "A measured rate, or a ratio of rates, over the scenario's ceiling."),
        VerdictCategory.LatencyAboveCeiling => new(category, "Latency above ceiling", "latency above ceiling:", "A measured latency over the scenario's ceiling."),
        VerdictCategory.LatencyBelowFloor => new(category, "Latency below floor", "latency below floor:",
            "A measured latency under the scenario's floor (a fault that should show in the latency did not)."),
        VerdictCategory.ProducerStalled => new(category, "Producer stalled", "producer stalled:", "The producers made no progress for longer than the scenario allows."),
        VerdictCategory.ConsumerStalled => new(category, "Consumer stalled", "consumer stalled:", "The consumers made no progress for longer than the scenario allows."),
        VerdictCategory.ConsumersFellBehind => new(category, "Consumers fell behind", "consumers fell behind:",
            "The consumers did not read what was written within the scenario's deadline."),
        VerdictCategory.ConsumersIdle => new(category, "Consumers idle", "consumers idle:",
            "A consumer received nothing, or the number of idle consumers is not the one expected."),
        VerdictCategory.ClusterNotRecovered => new(category, "Cluster did not recover", "cluster did not recover:",
            "Brokers, leaders or producers not back to work within the scenario's bound."),
        VerdictCategory.LeadershipNotAsExpected => new(category, "Leadership not as expected", "leadership not as expected:",
            "Partition leadership moved where the scenario expects it to stay, or went back where it should not."),
        VerdictCategory.CountNotAsExpected => new(category, "Count not as expected", "count not as expected:",
            "A count the scenario states exactly came out lower than stated."),
        VerdictCategory.VerdictUnknown => new(category, "Checker could not decide", "verdict unknown:",
            "A checker crashed or lacked data; the verdict is unknown, never valid."),
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, $"No report category for {category}."),
    };

    /// <summary>The message prefix of a verdict category ("messages lost:").</summary>
    public static string PrefixOf(VerdictCategory category) => Of(category).Prefix;

    /// <summary><paramref name="message"/> as the report shows a failure of <paramref name="category"/>: starting with its prefix, once.</summary>
    public static string Prefixed(VerdictCategory category, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var prefix = PrefixOf(category);
        return message.StartsWith(prefix, StringComparison.Ordinal) ? message : $"{prefix} {message}";
    }

    /// <summary>
    /// The categories written to <c>categories.json</c>: one per <see cref="VerdictCategory"/> (failed results whose
    /// message starts with its prefix), then the runner's outcomes, then suite defects. Each regex must match the whole
    /// message (Java <c>matches</c>).
    /// </summary>
    public static IReadOnlyList<AllureCategory> Categories() =>
    [
        .. Enum.GetValues<VerdictCategory>().Select(Of).Select(c =>
            new AllureCategory(c.Title, [AllureStatus.Failed], StartsWith(c.Prefix), c.Description)),
        new AllureCategory("Undefined step", [AllureStatus.Broken, AllureStatus.Failed], StartsWith(UndefinedStepPrefix),
            "A step whose text no binding matches: write the binding or fix the text."),
        new AllureCategory("Ambiguous step", [AllureStatus.Broken, AllureStatus.Failed], StartsWith(AmbiguousStepPrefix),
            "A step whose text more than one binding matches: make one of them more specific."),
        new AllureCategory("Pending step", [AllureStatus.Skipped, AllureStatus.Broken, AllureStatus.Failed], StartsWith(PendingStepPrefix),
            "A step whose binding is not implemented yet."),
        new AllureCategory(NotInProfileTitle, [AllureStatus.Skipped], StartsWith(IRunProfile.NotInProfilePrefix),
            "Rows of another run profile (the seed-sized @full rows in a smoke run): left out on purpose, not something the target cannot model."),
        new AllureCategory(SkippedHereTitle, [AllureStatus.Skipped], NotStartingWith(IRunProfile.NotInProfilePrefix, PendingStepPrefix),
            "Scenarios this run could not judge honestly: the target cannot model what they need (each says what), or an @ignore tag."),
        new AllureCategory("Suite defect (broken)", [AllureStatus.Broken], null,
            "The suite itself went wrong (an exception that is not a check): fix the suite, not Kafka."),
    ];

    /// <summary>A whole-message regex (Java and .NET alike) that holds when the message starts with <paramref name="prefix"/>.</summary>
    public static string StartsWith(string prefix) => "(?si)" + Escape(prefix) + ".*";

    /// <summary>A whole-message regex (Java and .NET alike) that holds when the message starts with none of <paramref name="prefixes"/>.</summary>
    public static string NotStartingWith(params string[] prefixes) => "(?si)(?!" + string.Join("|", prefixes.Select(Escape)) + ").*";

    // Both engines read a backslash before a non-letter as that literal character; letters, digits,
    // spaces and ':' need no escape, so only regex punctuation is escaped.
    private static string Escape(string literal) =>
        string.Concat(literal.Select(c => char.IsLetterOrDigit(c) || c is ' ' or ':' or '_' or '-' ? c.ToString() : "\\" + c));
}
