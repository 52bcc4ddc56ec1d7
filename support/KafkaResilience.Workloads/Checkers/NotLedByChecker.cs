using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// No partition of a topic is led by a broker, as the Then last observed the topic's leaders into the history (a
/// restarted broker did not take its leadership back). No observation in the history leaves the verdict unknown.
/// </summary>
public sealed class NotLedByChecker : IChecker
{
    public const string CheckerName = "not-led-by";

    public NotLedByChecker(string topic, int broker)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        Topic = topic;
        Broker = broker;
    }

    public string Topic { get; }
    public int Broker { get; }
    public string Name => CheckerName;

    public Verdict Check(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.LeadersObserved(Topic) is not { } now)
            return Verdict.Unknown(Name, $"the leaders of \"{Topic}\" were never observed into the history, so there is nothing to judge");
        var led = now.LedBy(Broker);
        var numbers = new Dictionary<string, double> { ["led"] = led.Count };
        var summary = $"leaders of \"{Topic}\" now: {now}";
        return led.Count == 0
            ? Verdict.Valid(Name, summary, numbers)
            : Verdict.Invalid(Name, summary, numbers, [$"broker {Broker} leads partition(s) {string.Join(", ", led)} of \"{Topic}\""]);
    }
}
