using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// A consumer throughput floor over one group: records its members read per second, from the first read of any
/// member to the last read of any member (<see cref="ReadTotals"/>).
/// </summary>
public sealed class ReadRateChecker : IChecker
{
    public const string CheckerName = "consumer-rate";

    public ReadRateChecker(string group, IReadOnlyCollection<string> members, double floorPerSecond)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        ArgumentNullException.ThrowIfNull(members);
        if (floorPerSecond < 0 || double.IsNaN(floorPerSecond))
            throw new ArgumentOutOfRangeException(nameof(floorPerSecond), floorPerSecond, "The floor must be >= 0 messages per second.");
        Group = group;
        Members = members;
        FloorPerSecond = floorPerSecond;
    }

    public string Group { get; }
    public IReadOnlyCollection<string> Members { get; }
    public double FloorPerSecond { get; }
    public string Name => CheckerName;

    public IReadOnlyList<IEvidenceNeed> Needs => [new ReadByGroup(Group)];

    public Verdict Check(HistorySnapshot history)
    {
        var read = ReadTotals.Of(history, Members);
        var numbers = new Dictionary<string, double> { ["rate"] = read.PerSecond, ["floor"] = FloorPerSecond, ["read"] = read.Read, ["seconds"] = read.Seconds };
        var summary = $"group \"{Group}\" read {read.Read:N0} messages in {read.Seconds:0.000} s = {read.PerSecond:N0} msg/s";
        return read.PerSecond >= FloorPerSecond ? Verdict.Valid(Name, summary, numbers) : Verdict.Invalid(Name, summary, numbers);
    }
}
