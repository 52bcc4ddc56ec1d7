using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.History.Observations;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// Failover, judged on two readings of a topic's leaders the history holds: before the first fault, and as the Then
/// observed them: every partition the lost broker led has a leader again, not the lost broker, and among the allowed
/// brokers. Leaders never read before a fault are taken as observed (nothing moved in between). A lost broker that led
/// nothing before the fault leaves nothing to judge as moved, which is Invalid (the scenario's premise failed).
/// </summary>
public sealed class LeadersMovedChecker : IChecker
{
    public const string CheckerName = "leaders-moved";

    public LeadersMovedChecker(string topic, int lostBroker, IReadOnlyList<int> allowed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentNullException.ThrowIfNull(allowed);
        if (allowed.Count == 0) throw new ArgumentException("Name at least one broker the leadership may move to.", nameof(allowed));
        Topic = topic;
        LostBroker = lostBroker;
        Allowed = allowed;
    }

    public string Topic { get; }
    public int LostBroker { get; }
    public IReadOnlyList<int> Allowed { get; }
    public string Name => CheckerName;

    public Verdict Check(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.LeadersObserved(Topic) is not { } now)
            return Verdict.Unknown(Name, $"the leaders of \"{Topic}\" were never observed into the history, so there is nothing to judge");
        var before = history.LeadersBeforeFaults(Topic) ?? now;
        var led = before.LedBy(LostBroker);
        var moves = led.Select(p => $"partition {p}: {LostBroker} -> {Leader(now, p)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}").ToList();
        var wrong = led.Where(p => Leader(now, p) is not { } l || l == LostBroker || !Allowed.Contains(l)).ToList();
        var numbers = new Dictionary<string, double> { ["led-before"] = led.Count, ["moved"] = led.Count - wrong.Count, ["not-moved"] = wrong.Count };
        if (led.Count == 0)
            return Verdict.Invalid(Name, $"broker {LostBroker} led no partition of \"{Topic}\" before the fault, so no leader could move (leaders: {before})", numbers);
        var summary = $"leaders of \"{Topic}\" that broker {LostBroker} had: {string.Join("; ", moves)}";
        return wrong.Count == 0
            ? Verdict.Valid(Name, summary, numbers)
            : Verdict.Invalid(Name, summary, numbers, [.. wrong.Select(p => $"partition {p} is led by {Leader(now, p)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no broker"}, not one of {string.Join(", ", Allowed)}")]);
    }

    private static int? Leader(PartitionLeaders leaders, int partition) => leaders.Leaders.GetValueOrDefault(partition);
}
