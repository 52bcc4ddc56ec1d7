namespace KafkaResilience.Chaos.Fit.Planned;

/// <summary>"N consumers in group "G" read all acknowledged messages of "T" within S seconds": a late group must read all of it.</summary>
public sealed record LateGroupRead(int Consumers, string Group, string Topic, int Seconds) : IPlannedStep
{
    public void AddTo(ScenarioNeedsBuilder needs, int step, string text) => needs.LateRead(step, Topic, Group);

    public (string Group, string Topic)? Reads => (Group, Topic);

    public IEnumerable<string> Refusals(IReadOnlyList<int> brokers) =>
        KafkaResilience.Cluster.KafkaNames.GroupIdProblem(Group) is { } refused ? [refused] : [];
}
