namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// What a delivery row expects of a count (lost, written twice, out of order, failed): an exact number
/// (usually 0: "must be none"), or <see cref="Reported"/>: the settings allow it, so the suite measures
/// and reports the exact count without asserting it away.
/// </summary>
public sealed record CountExpectation(long? Exactly)
{
    public static CountExpectation Reported { get; } = new((long?)null);

    public bool IsReported => Exactly is null;

    /// <summary>"0", "12" or "reported".</summary>
    public static CountExpectation Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Equals("reported", StringComparison.OrdinalIgnoreCase)) return Reported;
        if (long.TryParse(trimmed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            return new CountExpectation(n);
        throw new FormatException($"'{text}' is not an expected count; write a number (e.g. 0) or \"reported\".");
    }

    public override string ToString() => Exactly is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "reported";
}
