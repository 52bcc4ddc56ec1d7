namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// What one checker concluded about a history: validity, a one-line summary, the exact numbers
/// it based that on, and the first few offending records or events as evidence. Serializable to JSON.
/// </summary>
public sealed record Verdict(
    string Checker,
    Validity Validity,
    string Summary,
    IReadOnlyDictionary<string, double> Numbers,
    IReadOnlyList<string> Examples)
{
    public static Verdict Valid(string checker, string summary, IReadOnlyDictionary<string, double> numbers, IReadOnlyList<string>? examples = null) =>
        new(checker, Validity.Valid, summary, numbers, examples ?? []);

    public static Verdict Invalid(string checker, string summary, IReadOnlyDictionary<string, double> numbers, IReadOnlyList<string>? examples = null) =>
        new(checker, Validity.Invalid, summary, numbers, examples ?? []);

    public static Verdict Unknown(string checker, string summary, IReadOnlyDictionary<string, double>? numbers = null, IReadOnlyList<string>? examples = null) =>
        new(checker, Validity.Unknown, summary, numbers ?? new Dictionary<string, double>(), examples ?? []);

    /// <summary>The evidence the checker needs was never gathered; <paramref name="reason"/> says which and why.</summary>
    public static Verdict NotJudged(string checker, string reason) =>
        new(checker, Validity.NotJudged, reason, new Dictionary<string, double>(), []);

    /// <summary>Invalid over Unknown over NotJudged over Valid; no verdicts at all is Unknown (nothing was judged).</summary>
    public static Validity Combine(IEnumerable<Verdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        Validity? worst = null;
        foreach (var v in verdicts)
            worst = worst is null || v.Validity > worst ? v.Validity : worst;
        return worst ?? Validity.Unknown;
    }

    public override string ToString() =>
        $"{Checker}: {Validity} - {Summary}" + (Examples.Count > 0 ? $" (e.g. {string.Join(", ", Examples)})" : "");
}
