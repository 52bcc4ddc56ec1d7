using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// How many times as fast one group read as another (each rate as <see cref="ReadTotals"/> measures it), at
/// most a bound: consumers beyond the partition count must not add throughput. A baseline that read nothing
/// makes the ratio infinite.
/// </summary>
public sealed class ReadRateRatioChecker : IChecker
{
    public const string CheckerName = "consumer-rate-ratio";

    public ReadRateRatioChecker(string group, IReadOnlyCollection<string> members, string baseline, IReadOnlyCollection<string> baselineMembers, double maxRatio)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        ArgumentException.ThrowIfNullOrWhiteSpace(baseline);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(baselineMembers);
        if (maxRatio <= 0 || double.IsNaN(maxRatio))
            throw new ArgumentOutOfRangeException(nameof(maxRatio), maxRatio, "The ratio bound must be a positive number.");
        Group = group;
        Members = members;
        Baseline = baseline;
        BaselineMembers = baselineMembers;
        MaxRatio = maxRatio;
    }

    public string Group { get; }
    public IReadOnlyCollection<string> Members { get; }
    public string Baseline { get; }
    public IReadOnlyCollection<string> BaselineMembers { get; }
    public double MaxRatio { get; }
    public string Name => CheckerName;

    public IReadOnlyList<IEvidenceNeed> Needs => [new ReadByGroup(Group), new ReadByGroup(Baseline)];

    public Verdict Check(HistorySnapshot history)
    {
        var rate = ReadTotals.Of(history, Members).PerSecond;
        var baseline = ReadTotals.Of(history, BaselineMembers).PerSecond;
        var ratio = baseline > 0 ? rate / baseline : double.PositiveInfinity;
        var numbers = new Dictionary<string, double> { ["rate"] = rate, ["baseline-rate"] = baseline, ["ratio"] = ratio, ["bound"] = MaxRatio };
        var summary = $"group \"{Group}\" {rate:N0} msg/s / group \"{Baseline}\" {baseline:N0} msg/s = {ratio:0.00}";
        return ratio <= MaxRatio ? Verdict.Valid(Name, summary, numbers) : Verdict.Invalid(Name, summary, numbers);
    }
}
