namespace KafkaResilience.Chaos.Fit.Planned;

/// <summary>"consumer N of group "G" crashes": its partitions are unread until it is restarted (and the group notices).</summary>
public sealed record ConsumerCrashed(int Consumer, string Group) : IPlannedStep
{
    public void AddTo(ScenarioNeedsBuilder needs, int step, string text) => needs.ConsumerCrash(step);
}
