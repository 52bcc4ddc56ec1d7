using System.Text;
using System.Text.Json;
using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Timeline;

/// <summary>
/// What the chaos layer did and saw during a scenario, with timestamps: faults injected and healed,
/// leadership and coordinator changes the cluster recorded, and notes. Reports print it and charts
/// shade its fault periods. Thread-safe; entries are kept in time order. A scenario's timeline runs on
/// the clock of the scenario's history, so its entries and the history's fault marks share one clock.
/// </summary>
public sealed class FaultTimeline
{
    private readonly object _gate = new();
    private readonly List<FaultTimelineEntry> _entries = [];
    private readonly List<FaultPeriod> _periods = [];
    private readonly Func<DateTimeOffset> _now;

    public FaultTimeline(TimeProvider? clock = null)
    {
        var provider = clock ?? TimeProvider.System;
        _now = provider.GetUtcNow;
    }

    /// <summary>A timeline whose instants come from <paramref name="now"/> (a scenario's: its history's clock).</summary>
    public FaultTimeline(Func<DateTimeOffset> now) => _now = now ?? throw new ArgumentNullException(nameof(now));

    /// <summary>Every entry so far, in time order.</summary>
    public IReadOnlyList<FaultTimelineEntry> Entries
    {
        get { lock (_gate) return [.. _entries.OrderBy(e => e.At)]; }
    }

    /// <summary>Every fault period so far (open ones have no heal time).</summary>
    public IReadOnlyList<FaultPeriod> Periods
    {
        get { lock (_gate) return [.. _periods]; }
    }

    public DateTimeOffset Now() => _now();

    /// <summary>Records an injection now and returns its period key (the description).</summary>
    public DateTimeOffset Injected(string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        var at = Now();
        lock (_gate)
        {
            _entries.Add(new FaultTimelineEntry(at, FaultTimelineEntryKind.Injected, description));
            _periods.Add(new FaultPeriod(description, at, null));
        }
        return at;
    }

    /// <summary>Records the heal of the most recent open period with this description.</summary>
    public DateTimeOffset Healed(string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        var at = Now();
        lock (_gate)
        {
            _entries.Add(new FaultTimelineEntry(at, FaultTimelineEntryKind.Healed, description));
            var open = _periods.FindLastIndex(p => p.Description == description && p.Healed is null);
            if (open >= 0) _periods[open] = _periods[open] with { Healed = at };
        }
        return at;
    }

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

    /// <summary>One line per entry, times relative to <paramref name="origin"/> when given.</summary>
    public string ToText(DateTimeOffset? origin = null)
    {
        var text = new StringBuilder();
        foreach (var entry in Entries)
        {
            var when = origin is { } o ? $"+{(entry.At - o).TotalSeconds,8:0.000}s" : entry.At.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
            text.Append(when).Append("  ").Append(entry.Kind.ToString().PadRight(17)).Append(' ').AppendLine(entry.Text);
        }
        return text.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(
        new { entries = Entries.Select(e => new { at = e.At, kind = e.Kind.ToString(), text = e.Text }), periods = Periods },
        new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase });

    private static string Describe(LeadershipChange change) => change.IsCoordinatorChange
        ? $"coordinator of group \"{change.Topic}\" moved {Broker(change.From)} -> {Broker(change.To)} ({change.Cause})"
        : $"leader of {change.Topic}-{change.Partition} moved {Broker(change.From)} -> {Broker(change.To)} ({change.Cause})";

    private static string Broker(int? id) => id is { } b ? $"broker {b}" : "none";
}
