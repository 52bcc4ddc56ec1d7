using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>No partition of a topic is led by a broker now (a restarted broker did not take its leadership back).</summary>
public sealed class NotLedByChecker : IChecker
{
    public const string CheckerName = "not-led-by";

    public NotLedByChecker(int broker, PartitionLeaders now)
    {
        Broker = broker;
        Now = now ?? throw new ArgumentNullException(nameof(now));
    }

    public int Broker { get; }
    public PartitionLeaders Now { get; }
    public string Name => CheckerName;

    public Verdict Check(HistorySnapshot history)
    {
        var led = Now.LedBy(Broker);
        var numbers = new Dictionary<string, double> { ["led"] = led.Count };
        var summary = $"leaders of \"{Now.Topic}\" now: {Now}";
        return led.Count == 0
            ? Verdict.Valid(Name, summary, numbers)
            : Verdict.Invalid(Name, summary, numbers, [$"broker {Broker} leads partition(s) {string.Join(", ", led)} of \"{Now.Topic}\""]);
    }
}
