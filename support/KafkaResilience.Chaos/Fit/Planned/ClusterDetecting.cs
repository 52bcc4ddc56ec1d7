namespace KafkaResilience.Chaos.Fit.Planned;

/// <summary>"a cluster of brokers ... that moves leadership off a lost broker after D": how soon a lost broker's partitions move.</summary>
public sealed record ClusterDetecting(IReadOnlyList<int> Brokers, TimeSpan Detection) : IPlannedStep
{
    public void AddTo(ScenarioNeedsBuilder needs, int step, string text) => needs.DetectionDelay(Detection);
}
