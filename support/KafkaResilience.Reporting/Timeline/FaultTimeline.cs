using System.Globalization;
using System.Text;
using System.Text.Json;
using KafkaResilience.Cluster;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Reporting.Timeline;

/// <summary>
/// What happened around the faults of a scenario, in time order, read from its history alone: each fault's mark
/// (injected, healed), the notes the scenario made besides (a broker started again, a consumer crashed) and the
/// leadership and coordinator changes the cluster recorded. Nothing is kept here: the history holds every fact once,
/// and this renders it (text beside the report, JSON for tools).
/// </summary>
public sealed class FaultTimeline
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private readonly HistorySnapshot _history;

    public FaultTimeline(HistorySnapshot history)
    {
        _history = history ?? throw new ArgumentNullException(nameof(history));
        var origin = history.OriginWallClock;
        var marks = history.Faults.SelectMany(f =>
        {
            var text = f.Description.Length == 0 || f.Name.Contains(f.Description, StringComparison.Ordinal) ? f.Name : $"{f.Name} ({f.Description})";
            var injected = new FaultTimelineEntry(origin + f.InjectedAt, FaultTimelineEntryKind.Injected, text);
            return f.HealedAt is { } healed ? [injected, new FaultTimelineEntry(origin + healed, FaultTimelineEntryKind.Healed, text)] : new[] { injected };
        });
        var notes = history.Notes.Select(n => new FaultTimelineEntry(origin + n.At, FaultTimelineEntryKind.Note, n.Description));
        var changes = history.LeadershipChanges.Select(c => new FaultTimelineEntry(c.At,
            c.IsCoordinatorChange ? FaultTimelineEntryKind.CoordinatorChange : FaultTimelineEntryKind.LeaderChange, Describe(c)));
        // Stable: entries at one instant keep the order injected, note, change.
        Entries = [.. marks.Concat(notes).Concat(changes).OrderBy(e => e.At)];
    }

    /// <summary>Every entry, in time order.</summary>
    public IReadOnlyList<FaultTimelineEntry> Entries { get; }

    /// <summary>One line per entry, times relative to the start of the history.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        foreach (var entry in Entries)
        {
            var when = $"+{(entry.At - _history.OriginWallClock).TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture),8}s";
            text.Append(when).Append("  ").Append(entry.Kind.ToString().PadRight(17)).Append(' ').AppendLine(entry.Text);
        }
        return text.ToString();
    }

    /// <summary>The entries and the faults' windows as JSON.</summary>
    public string ToJson()
    {
        var origin = _history.OriginWallClock;
        return JsonSerializer.Serialize(new
        {
            entries = Entries.Select(e => new { at = e.At, kind = e.Kind.ToString(), text = e.Text }),
            faults = _history.Faults.Select(f => new { name = f.Name, brokers = f.Description, injected = origin + f.InjectedAt, healed = f.HealedAt is { } h ? origin + h : (DateTimeOffset?)null }),
        }, Json);
    }

    private static string Describe(LeadershipChange change) => change.IsCoordinatorChange
        ? $"coordinator of group \"{change.Topic}\" moved {Broker(change.From)} -> {Broker(change.To)} ({change.Cause})"
        : $"leader of {change.Topic}-{change.Partition} moved {Broker(change.From)} -> {Broker(change.To)} ({change.Cause})";

    private static string Broker(int? id) => id is { } b ? $"broker {b}" : "none";
}
