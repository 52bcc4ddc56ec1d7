using System.Globalization;
using System.Text;
using System.Text.Json;
using KafkaResilience.Cluster;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Chaos.Timeline;

/// <summary>
/// What the chaos layer noted during a scenario besides the faults themselves (a broker started again, a
/// consumer crashed) and the leadership and coordinator changes the cluster recorded. Each fault is recorded
/// once, as a mark on the scenario's history (see <see cref="FaultMark"/>); reports render the marks here, in
/// time order with the notes. A scenario's timeline runs on the clock of the scenario's history, so notes and
/// marks share one clock. Thread-safe.
/// </summary>
public sealed class FaultTimeline
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private readonly object _gate = new();
    private readonly List<FaultTimelineEntry> _entries = [];
    private readonly Func<DateTimeOffset> _now;

    public FaultTimeline(TimeProvider? clock = null)
    {
        var provider = clock ?? TimeProvider.System;
        _now = provider.GetUtcNow;
    }

    /// <summary>A timeline whose instants come from <paramref name="now"/> (a scenario's: its history's clock).</summary>
    public FaultTimeline(Func<DateTimeOffset> now) => _now = now ?? throw new ArgumentNullException(nameof(now));

    /// <summary>Every note and leadership change so far, in time order.</summary>
    public IReadOnlyList<FaultTimelineEntry> Entries
    {
        get { lock (_gate) return [.. _entries.OrderBy(e => e.At)]; }
    }

    public DateTimeOffset Now() => _now();

    public void Note(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        lock (_gate) _entries.Add(new FaultTimelineEntry(Now(), FaultTimelineEntryKind.Note, text));
    }

    /// <summary>Adds the cluster's leadership and coordinator changes not yet on the timeline.</summary>
    public void Absorb(IEnumerable<LeadershipChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate)
        {
            foreach (var change in changes)
            {
                var kind = change.IsCoordinatorChange ? FaultTimelineEntryKind.CoordinatorChange : FaultTimelineEntryKind.LeaderChange;
                var text = Describe(change);
                if (!_entries.Any(e => e.Kind == kind && e.At == change.At && e.Text == text))
                    _entries.Add(new FaultTimelineEntry(change.At, kind, text));
            }
        }
    }

    /// <summary>The entries with the faults' marks (injected, healed) of a history whose clock started at <paramref name="origin"/>, in time order.</summary>
    public IReadOnlyList<FaultTimelineEntry> With(DateTimeOffset origin, IEnumerable<FaultMark> faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        var marks = faults.SelectMany(f =>
        {
            var text = f.Description.Length == 0 || f.Name.Contains(f.Description, StringComparison.Ordinal) ? f.Name : $"{f.Name} ({f.Description})";
            var injected = new FaultTimelineEntry(origin + f.InjectedAt, FaultTimelineEntryKind.Injected, text);
            return f.HealedAt is { } healed ? [injected, new FaultTimelineEntry(origin + healed, FaultTimelineEntryKind.Healed, text)] : new[] { injected };
        });
        return [.. Entries.Concat(marks).OrderBy(e => e.At)];
    }

    /// <summary>One line per entry (the faults' marks included), times relative to <paramref name="origin"/>.</summary>
    public string ToText(DateTimeOffset origin, IEnumerable<FaultMark> faults)
    {
        var text = new StringBuilder();
        foreach (var entry in With(origin, faults))
        {
            var when = $"+{(entry.At - origin).TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture),8}s";
            text.Append(when).Append("  ").Append(entry.Kind.ToString().PadRight(17)).Append(' ').AppendLine(entry.Text);
        }
        return text.ToString();
    }

    /// <summary>The entries and the faults' windows as JSON.</summary>
    public string ToJson(DateTimeOffset origin, IEnumerable<FaultMark> faults)
    {
        var marks = faults.ToList();
        return JsonSerializer.Serialize(new
        {
            entries = With(origin, marks).Select(e => new { at = e.At, kind = e.Kind.ToString(), text = e.Text }),
            faults = marks.Select(f => new { name = f.Name, brokers = f.Description, injected = origin + f.InjectedAt, healed = f.HealedAt is { } h ? origin + h : (DateTimeOffset?)null }),
        }, Json);
    }

    private static string Describe(LeadershipChange change) => change.IsCoordinatorChange
        ? $"coordinator of group \"{change.Topic}\" moved {Broker(change.From)} -> {Broker(change.To)} ({change.Cause})"
        : $"leader of {change.Topic}-{change.Partition} moved {Broker(change.From)} -> {Broker(change.To)} ({change.Cause})";

    private static string Broker(int? id) => id is { } b ? $"broker {b}" : "none";
}
