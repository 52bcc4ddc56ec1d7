using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Fit.Planned;

/// <summary>
/// "Every partition of T that broker B led has a new leader among brokers ...": a judgement only, so it needs nothing of the
/// target; its broker ids are refused up front when the cluster cannot have them, as a fault step's are.
/// </summary>
public sealed record LeadershipMoved(string Topic, int LostBroker, IReadOnlyList<int> Allowed) : IPlannedStep
{
    public void AddTo(ScenarioNeedsBuilder needs, int step, string text)
    {
        // Judged on the history afterwards: no topic, send or gap in reading to add.
    }

    public IEnumerable<string> Refusals(IReadOnlyList<int> brokers)
    {
        if (KafkaNames.BrokerIdProblem(LostBroker, brokers) is { } lost) yield return lost;
        foreach (var id in Allowed.Distinct())
        {
            if (KafkaNames.BrokerIdProblem(id, brokers) is { } unknown) yield return unknown;
        }

        // The one broker-id rule (distinct, >= 0); a negative id was answered above, per id.
        if (Allowed.All(id => id >= 0) && KafkaNames.BrokerIdsProblem(Allowed) is { } ids)
            yield return "the brokers the leadership may move to " + ids;
    }
}
