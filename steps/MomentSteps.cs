using KafkaResilience.Chaos.Fit;
using KafkaResilience.Chaos.Fit.Planned;
using KafkaResilience.Chaos.Scenario;
using Reqnroll;

namespace KafkaResilience.Steps;

/// <summary>
/// The moments a scenario waits for. Each one with a deadline or a share is judged (its verdict recorded, the step
/// failed when it did not come); the scenario's schedule ("1 second has passed") is cancelled with the scenario.
/// </summary>
[Binding]
public sealed class MomentSteps(ScenarioJudge judge, IScenarioScope scope)
{
    [When("{int}% of the messages have been acknowledged")]
    public Task Acknowledged(int percent) => judge.AcknowledgedShareAsync(percent);

    [When(@"^the producers? (?:has|have) finished within (\d+) seconds$")]
    public Task Finished(int seconds) => judge.SendFinishedWithinAsync(TimeSpan.FromSeconds(seconds));

    [When("the consumers have read every acknowledged message within {int} seconds")]
    public Task CaughtUp(int seconds) => judge.CaughtUpWithinAsync(TimeSpan.FromSeconds(seconds));

    [When("{int} consumer(s) in group {string} read(s) all {long} messages of {string} within {int} seconds")]
    public Task ReadAll(int consumers, string group, long messages, string topic, int seconds) =>
        judge.ReadAllWithinAsync(consumers, group, topic, messages, TimeSpan.FromSeconds(seconds), 1);

    [When("{int} consumer(s) in group {string} read(s) all {long} messages of {string} {int} time(s) within {int} seconds")]
    public Task ReadAllTimes(int consumers, string group, long messages, string topic, int passes, int seconds) =>
        judge.ReadAllWithinAsync(consumers, group, topic, messages, TimeSpan.FromSeconds(seconds), passes);

    [When(@"^(\d+) consumers? in group ""([^""]+)"" reads? all acknowledged messages of ""([^""]+)"" within (\d+) seconds$")]
    [PlannedAs(typeof(LateGroupRead))]
    public Task ReadAllAcknowledged(int consumers, string group, string topic, int seconds) =>
        judge.ReadAllAcknowledgedWithinAsync(consumers, group, topic, TimeSpan.FromSeconds(seconds));

    [When("{duration} has/have passed")]
    [PlannedAs(typeof(TimePassed))]
    public Task TimePasses(TimeSpan duration) => scope.TimePassesAsync(duration);
}
