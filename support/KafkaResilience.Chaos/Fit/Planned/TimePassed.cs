namespace KafkaResilience.Chaos.Fit.Planned;

/// <summary>"D has passed": the scenario lets time pass (a crashed consumer stays crashed meanwhile).</summary>
public sealed record TimePassed(TimeSpan Duration) : IPlannedStep
{
    public void AddTo(ScenarioNeedsBuilder needs, int step, string text) => needs.TimePasses(Duration);
}
