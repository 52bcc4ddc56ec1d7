using System.Globalization;
using KafkaResilience.Workloads.Checkers;

namespace KafkaResilience.Cli;

/// <summary>
/// What the benchmark says under the lost checker's verdict about acknowledged records the consumers never
/// read, one line per cause: those the target dropped below the log-start offset before a consumer got there
/// (retention, not loss) apart from those lost (never reached, overwritten, acknowledged without an offset).
/// </summary>
internal static class LossNotes
{
    public static IReadOnlyList<string> Of(Verdict lost, bool embedded)
    {
        ArgumentNullException.ThrowIfNull(lost);
        double Number(string name) => lost.Numbers.TryGetValue(name, out var v) ? v : 0;
        var notes = new List<string>();
        if (Number("below-log-start") is var below and > 0)
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"note: {below:N0} acknowledged records were below the log-start offset when the consumers got there: dropped by the target's retention{(embedded ? " (the embedded cluster keeps only ~5 MB per partition)" : "")}, not lost; loss cannot be judged for them."));
        if (Number("lost") is var lostCount and > 0)
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"note: {lostCount:N0} acknowledged records were lost: {Number("lost-never-reached"):N0} never reached by a consumer, " +
                $"{Number("lost-overwritten"):N0} overwritten, {Number("lost-without-offset"):N0} acknowledged without an offset."));
        return notes;
    }
}
