using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// Failover, judged on two descriptions of a topic's leaders (before the first fault, and now): every partition
/// the lost broker led has a leader again, not the lost broker, and among the allowed brokers. A lost broker that
/// led nothing before the fault leaves nothing to judge as moved, which is Invalid (the scenario's premise failed).
/// </summary>
public sealed class LeadersMovedChecker : IChecker
{
    public const string CheckerName = "leaders-moved";

    public LeadersMovedChecker(int lostBroker, IReadOnlyList<int> allowed, PartitionLeaders before, PartitionLeaders now)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(now);
        if (allowed.Count == 0) throw new ArgumentException("Name at least one broker the leadership may move to.", nameof(allowed));
        if (before.Topic != now.Topic) throw new ArgumentException($"Before and now describe different topics ({before.Topic}, {now.Topic}).", nameof(now));
        LostBroker = lostBroker;
        Allowed = allowed;
        Before = before;
        Now = now;
    }

    public int LostBroker { get; }
    public IReadOnlyList<int> Allowed { get; }
    public PartitionLeaders Before { get; }
    public PartitionLeaders Now { get; }
    public string Name => CheckerName;

    public Verdict Check(HistorySnapshot history)
    {
        var led = Before.LedBy(LostBroker);
        var moves = led.Select(p => $"partition {p}: {LostBroker} -> {Leader(Now, p)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}").ToList();
        var wrong = led.Where(p => Leader(Now, p) is not { } l || l == LostBroker || !Allowed.Contains(l)).ToList();
        var numbers = new Dictionary<string, double> { ["led-before"] = led.Count, ["moved"] = led.Count - wrong.Count, ["not-moved"] = wrong.Count };
        if (led.Count == 0)
            return Verdict.Invalid(Name, $"broker {LostBroker} led no partition of \"{Before.Topic}\" before the fault, so no leader could move (leaders: {Before})", numbers);
        var summary = $"leaders of \"{Now.Topic}\" that broker {LostBroker} had: {string.Join("; ", moves)}";
        return wrong.Count == 0
            ? Verdict.Valid(Name, summary, numbers)
            : Verdict.Invalid(Name, summary, numbers, [.. wrong.Select(p => $"partition {p} is led by {Leader(Now, p)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no broker"}, not one of {string.Join(", ", Allowed)}")]);
    }

    private static int? Leader(PartitionLeaders leaders, int partition) => leaders.Leaders.GetValueOrDefault(partition);
}
