namespace KafkaResilience.Chaos.Fit.Planned;

/// <summary>"consumer N of group "G" is restarted": ends the gap of its crash.</summary>
public sealed record ConsumerRestarted(int Consumer, string Group) : IPlannedStep
{
    public void AddTo(ScenarioNeedsBuilder needs, int step, string text) => needs.ConsumerRestart();
}
